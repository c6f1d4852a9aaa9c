package org.openhqd.platform.drg.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openhqd.platform.drg.DrgAccess;
import org.openhqd.platform.drg.DrgSchemes;
import org.openhqd.platform.drg.cases.DrgProblem.FieldError;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 预分组 API: one case or a batch posted as JSON, grouped and checked, nothing stored. */
@RestController
@RequestMapping("/api/v1/drg")
@Tag(name = "DRG 预分组 / pre-grouping")
class PreGroupApi {

    static final String EXAMPLE = """
            {"case_id": "ZY2026-000123", "sex": "2", "age": "56", "dept": "普外科", "los": "7", "discharge_type": "1",
             "diagnoses": ["K80.100", {"code": "E11.900", "name": "2型糖尿病", "admission_condition": "1"}],
             "procedures": [{"code": "51.2300", "name": "腹腔镜下胆囊切除术", "date": "2026-03-03", "level": "3",
                             "incision_class": "2", "healing_grade": "1", "anaesthesia": "全身麻醉"}],
             "admission_time": "2026-03-02 09:30", "discharge_time": "2026-03-09 10:00", "total_cost": "18650.40"}""";

    private final PreGroupReader reader;
    private final PreGrouping grouping;

    PreGroupApi(PreGroupReader reader, PreGrouping grouping) {
        this.reader = reader;
        this.grouping = grouping;
    }

    @PostMapping(value = "/group", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "预分组一个病例 / pre-group one case",
            description = "按 hqd drg group 的列名提交一个病例，返回分组（status、MDC、ADRG、DRG 及名称、方案及版本）、分组过程和质控发现"
                    + "（含修正建议与修正后分组）。不保存任何数据；不接受证件号码（patient_id_number → 400）。未指定 scheme 时用本机构配置的方案。"
                    + " / Groups and checks one case posted with the CLI's column names; returns the group, the explanation and the "
                    + "QC findings with their fix and the group if fixed. Nothing is stored; an identity number is refused (400). "
                    + "Without scheme, the caller's institution's configured scheme is used.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PreGroupCase.class),
                    examples = @ExampleObject(name = "cholecystectomy", value = EXAMPLE))),
            responses = {
                @ApiResponse(responseCode = "200", description = "分组结果 / the result",
                        content = @Content(schema = @Schema(implementation = PreGrouping.Result.class))),
                @ApiResponse(responseCode = "400", description = "JSON 错误、未知方案、未知字段或提交了证件号码；errors 列出每个字段 / "
                        + "malformed JSON, unknown scheme or field, or an identity number; errors names each field",
                        content = @Content(mediaType = "application/problem+json")),
                @ApiResponse(responseCode = "413", description = "请求体超过 256 KB / body larger than 256 KB",
                        content = @Content(mediaType = "application/problem+json"))})
    PreGrouping.Result group(InputStream body) {
        StaffPrincipal me = allowed();
        return groupAll(me, reader.readOne(body), false).get(0);
    }

    @PostMapping(value = "/group/batch", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "批量预分组 / pre-group a batch",
            description = "病例数组（最多 " + PreGroupReader.BATCH_LIMIT + " 个，32 MB），按提交顺序返回结果；任何一个病例有误则整批 400，"
                    + "字段路径形如 [3].diagnoses[0].code。 / An array of at most " + PreGroupReader.BATCH_LIMIT
                    + " cases (32 MB); results in the order posted. Any bad case makes the whole batch a 400 whose errors name "
                    + "the path, e.g. [3].diagnoses[0].code; more cases: 413.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    array = @ArraySchema(schema = @Schema(implementation = PreGroupCase.class), maxItems = PreGroupReader.BATCH_LIMIT),
                    examples = @ExampleObject(name = "two cases", value = "[" + EXAMPLE + ",\n {\"case_id\": \"ZY2026-000124\", "
                            + "\"sex\": \"1\", \"age\": \"71\", \"los\": \"10\", \"discharge_type\": \"1\", \"diagnoses\": "
                            + "[\"J18.900\", \"I10.x00\"], \"procedures\": []}]"))),
            responses = {
                @ApiResponse(responseCode = "200", description = "结果数组，与提交顺序一致 / results in the order posted",
                        content = @Content(array = @ArraySchema(schema = @Schema(implementation = PreGrouping.Result.class)))),
                @ApiResponse(responseCode = "400", description = "任何一个病例有误 / any case is bad",
                        content = @Content(mediaType = "application/problem+json")),
                @ApiResponse(responseCode = "413", description = "超过 " + PreGroupReader.BATCH_LIMIT + " 个病例或 32 MB / more than "
                        + PreGroupReader.BATCH_LIMIT + " cases or 32 MB", content = @Content(mediaType = "application/problem+json"))})
    List<PreGrouping.Result> batch(InputStream body) {
        return groupAll(allowed(), reader.readBatch(body), true);
    }

    /** Groups every case read, each with its scheme, or refuses the request naming every bad field. */
    private List<PreGrouping.Result> groupAll(StaffPrincipal me, PreGroupReader.Read read, boolean batch) {
        List<PreGroupReader.Item> items = read.items();
        Map<String, DrgSchemes.Engine> engines = new HashMap<>();
        List<DrgSchemes.Engine> chosen = new ArrayList<>(items.size());
        List<FieldError> errors = new ArrayList<>(read.errors());
        for (int i = 0; i < items.size(); i++) {
            String asked = items.get(i).scheme();
            String key = asked == null ? "" : asked;
            DrgSchemes.Engine e = engines.get(key);
            if (e == null) {
                try {
                    e = grouping.engine(asked, me.institutionId(), "scheme");
                    engines.put(key, e);
                } catch (DrgProblem p) {
                    String at = "[" + i + "]";
                    p.errors().forEach(fe -> errors.add(batch ? fe.under(at) : fe));
                }
            }
            chosen.add(e);
        }
        if (!errors.isEmpty()) {
            throw DrgProblem.invalid(errors);
        }
        List<PreGrouping.Result> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(grouping.group(items.get(i), chosen.get(i)));
        }
        return out;
    }

    private static StaffPrincipal allowed() {
        StaffPrincipal me = CurrentUser.get();
        if (!DrgAccess.mayPreGroup(me)) {
            throw new AccessDeniedException("may not pre-group");
        }
        return me;
    }
}
