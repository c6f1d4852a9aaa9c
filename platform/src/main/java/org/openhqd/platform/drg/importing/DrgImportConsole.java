package org.openhqd.platform.drg.importing;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.openhqd.platform.drg.DrgAccess;
import org.openhqd.platform.drg.DrgImports;
import org.openhqd.platform.drg.ImportBatch;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The console page 病例导入: upload (the raw file posted by the page's script, so no multipart size
 * limit applies), a progress bar polled every second, the recent batches and each batch's rejected
 * rows with a CSV download.
 */
@Controller
class DrgImportConsole {

    private final DrgImports imports;
    private final UploadSpool spool;

    DrgImportConsole(DrgImports imports, UploadSpool spool) {
        this.imports = imports;
        this.spool = spool;
    }

    private static StaffPrincipal reader() {
        StaffPrincipal me = CurrentUser.get();
        if (!DrgAccess.mayRead(me)) {
            throw new AccessDeniedException("may not read DRG imports");
        }
        return me;
    }

    @GetMapping("/drg/imports")
    String page(@RequestParam(required = false) Long batch, Model model) {
        StaffPrincipal me = reader();
        model.addAttribute("batches", imports.recent(me, 30));
        model.addAttribute("mayImport", DrgAccess.mayManage(me));
        model.addAttribute("maxBytes", spool.maxBytes());
        model.addAttribute("columns", ImportColumns.table());
        if (batch != null) {
            imports.find(batch, me).ifPresent(b -> model.addAttribute("current", b));
        }
        return "drg-imports";
    }

    /**
     * The progress fragment, polled by htmx every second while the batch runs. When a polled batch
     * has just finished, htmx reloads the whole page (HX-Refresh), so the batch list shows it too.
     */
    @GetMapping("/drg/imports/{id}/progress")
    String progress(@PathVariable long id, Model model, HttpServletRequest request, HttpServletResponse response) {
        ImportBatch b = imports.find(id, reader()).orElseThrow(DrgImportApi::notFound);
        model.addAttribute("current", b);
        if (b.finished() && "true".equals(request.getHeader("HX-Request"))) {
            response.setHeader("HX-Refresh", "true");
        }
        return "drg-imports :: progress";
    }

    @GetMapping("/drg/imports/{id}")
    String batch(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
        StaffPrincipal me = reader();
        ImportBatch b = imports.find(id, me).orElseThrow(DrgImportApi::notFound);
        model.addAttribute("current", b);
        model.addAttribute("rejections", imports.rejections(id, page, 100, me).orElseThrow(DrgImportApi::notFound));
        return "drg-import";
    }

    @GetMapping("/drg/imports/{id}/rejections.csv")
    void rejectionsCsv(@PathVariable long id, HttpServletResponse response) throws IOException {
        reader();
        DrgImportApi.csv(imports, id, response);
    }

    /** The page's upload: the raw file as the body, CSRF token in the header; answers 202 with the batch. */
    @PostMapping("/drg/imports/upload")
    @ResponseBody
    ResponseEntity<ImportBatchView> upload(HttpServletRequest request, @RequestParam(required = false) String fileName,
                                           @RequestParam(required = false) String charset) throws IOException {
        return DrgImportApi.accept(request, fileName, charset, imports, spool, "/drg/imports?batch=");
    }
}
