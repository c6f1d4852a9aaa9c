package org.openhqd.platform.drg.importing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.openhqd.platform.drg.DrgImports;
import org.openhqd.platform.drg.ImportFormat;
import org.openhqd.platform.security.CurrentUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Case import for HIS integration: the raw file as the body, imported in the background, polled by id. */
@RestController
@RequestMapping("/api/v1/drg/imports")
@Tag(name = "DRG case import", description = "结算清单 / 病案首页 import into the DRG case store (docs/drg.md, \"Import\")")
class DrgImportApi {

    private final DrgImports imports;
    private final UploadSpool spool;

    DrgImportApi(DrgImports imports, UploadSpool spool) {
        this.imports = imports;
        this.spool = spool;
    }

    @PostMapping
    @Operation(summary = "Import a settlement-list / record-home-page file",
            description = "The body is the file itself: text/csv (UTF-8 by default; charset as a media-type parameter or "
                    + "the charset query parameter, e.g. GB18030) or an XLSX workbook (first sheet). Headers in Chinese or "
                    + "English (column mapping in docs/drg.md). The body is stored and imported in the background; the "
                    + "answer is 202 with the batch and its Location to poll. A batch is atomic: COMMITTED stores every "
                    + "accepted row, FAILED or INTERRUPTED stores nothing. Rows with a structural problem are rejected and "
                    + "listed under /rejections. Roles that manage DRG data (DrgAccess.mayManage).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                    @Content(mediaType = ImportFormat.XLSX_MEDIA_TYPE, schema = @Schema(type = "string", format = "binary"))}),
            responses = {
                    @ApiResponse(responseCode = "202", description = "accepted; poll Location until status is COMMITTED or FAILED",
                            content = @Content(schema = @Schema(implementation = ImportBatchView.class))),
                    @ApiResponse(responseCode = "413", description = "body larger than hqd.drg.import.max-bytes (2 GB)"),
                    @ApiResponse(responseCode = "415", description = "neither CSV nor XLSX"),
                    @ApiResponse(responseCode = "403", description = "the role may not import")})
    ResponseEntity<ImportBatchView> upload(HttpServletRequest request,
                                           @Parameter(description = "the file's name, shown in the batch list")
                                           @RequestParam(required = false) String fileName,
                                           @Parameter(description = "CSV encoding (UTF-8, GB18030, GBK); overrides the content type's")
                                           @RequestParam(required = false) String charset) throws IOException {
        return accept(request, fileName, charset, imports, spool, "/api/v1/drg/imports/");
    }

    /** Shared by the API and the console upload: spool, queue, answer 202. */
    static ResponseEntity<ImportBatchView> accept(HttpServletRequest request, String fileName, String charset,
                                                  DrgImports imports, UploadSpool spool, String location) throws IOException {
        var me = CurrentUser.get();
        if (!org.openhqd.platform.drg.DrgAccess.mayManage(me)) {
            throw new org.springframework.security.access.AccessDeniedException("may not import DRG cases");
        }
        String type = request.getContentType();
        ImportFormat format = UploadSpool.format(type, fileName);
        var cs = format == ImportFormat.CSV ? UploadSpool.charset(type, charset) : null;
        Path file = spool.spool(request.getInputStream(), request.getContentLengthLong());
        var batch = imports.submit(file, format, cs, fileName, me);
        return ResponseEntity.accepted().location(URI.create(location + batch.id())).body(ImportBatchView.of(batch));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One import batch: status, counters, bytes read, message")
    ImportBatchView batch(@PathVariable long id) {
        return ImportBatchView.of(imports.find(id, CurrentUser.get()).orElseThrow(DrgImportApi::notFound));
    }

    @GetMapping
    @Operation(summary = "Recent import batches in the caller's scope, newest first")
    List<ImportBatchView> recent(@RequestParam(defaultValue = "50") int limit) {
        return imports.recent(CurrentUser.get(), limit).stream().map(ImportBatchView::of).toList();
    }

    @GetMapping("/{id}/rejections")
    @Operation(summary = "A page of the rows a batch rejected (line, case id, field, masked value, reason)")
    DrgImports.RejectionPage rejections(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "100") int size) {
        return imports.rejections(id, page, size, CurrentUser.get()).orElseThrow(DrgImportApi::notFound);
    }

    @GetMapping(value = "/{id}/rejections.csv", produces = "text/csv")
    @Operation(summary = "Every rejected row of a batch as CSV (UTF-8 with BOM)")
    void rejectionsCsv(@PathVariable long id, HttpServletResponse response) throws IOException {
        csv(imports, id, response);
    }

    /** Streams the rejections as the response is written: a million of them never sit in memory. */
    static void csv(DrgImports imports, long id, HttpServletResponse response) throws IOException {
        var me = CurrentUser.get();
        if (imports.find(id, me).isEmpty()) {
            throw notFound();
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"drg-import-" + id + "-rejections.csv\"");
        Writer w = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
        imports.exportRejections(id, me, s -> {
            try {
                w.write(s);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        w.flush();
    }

    static ErrorResponseException notFound() {
        ErrorResponseException e = new ErrorResponseException(HttpStatus.NOT_FOUND);
        e.getBody().setDetail("导入批次不存在或不在您的数据范围内 / no such import batch in your data scope");
        return e;
    }
}
