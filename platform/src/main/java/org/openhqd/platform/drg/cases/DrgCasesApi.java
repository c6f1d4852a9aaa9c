package org.openhqd.platform.drg.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The stored DRG cases of the caller's scope as JSON; every read audited. */
@RestController
@RequestMapping("/api/v1/drg/cases")
@Tag(name = "DRG 病例 / cases")
class DrgCasesApi {

    private final Cases cases;

    DrgCasesApi(Cases cases) {
        this.cases = cases;
    }

    @GetMapping
    @Operation(summary = "病例列表 / the case list",
            description = "筛选参数同控制台 /drg/cases：institution, department, doctor, coder, drg, adrg, from, to (yyyy-MM), "
                    + "status (ok|ambiguous|ungroupable|invalid), outlier (HIGH|LOW|NORMAL), severity (ERROR|WARNING|INFO：至少一条该级别"
                    + "及以上的质控发现), changing (true：有改变分组的发现), rule (质控规则编号)。按行号倒序分页：下一页传 after=上页的 next。 / "
                    + "Filters as on the console page; newest first, keyset-paged: pass after = the previous page's next.")
    Cases.Page list(@Parameter(hidden = true) @RequestParam Map<String, String> params,
                    @RequestParam(required = false) @Parameter(description = "上一页的 next / the previous page's next") String after,
                    @RequestParam(defaultValue = "50") @Parameter(description = "1–200") int size) {
        StaffPrincipal me = DrgCasesConsole.reader();
        return cases.list(me.scope(), CaseFilter.of(params), DrgCasesConsole.afterParam(after), size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "一个病例 / one case",
            description = "提交的记录（证件号脱敏）、入库的分组及方案版本、按入库方案重新说明的分组过程、质控发现（含修正建议与修正后分组）、权重与支付"
                    + "（未计算时 payment.computed=false）。范围外或不存在：404。 / The record as submitted (identity masked), the stored "
                    + "grouping, its explanation by the stored scheme, the findings and the payment figures; 404 outside the scope.")
    Cases.Detail one(@PathVariable long id) {
        StaffPrincipal me = DrgCasesConsole.reader();
        return cases.get(id, me.scope()).orElseThrow(DrgProblem::notFound);
    }
}
