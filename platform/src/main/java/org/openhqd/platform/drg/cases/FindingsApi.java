package org.openhqd.platform.drg.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 质控发现 of the stored cases as JSON: summaries, the list (audited) and the rule catalogue. */
@RestController
@RequestMapping("/api/v1/drg")
@Tag(name = "DRG 质控 / quality findings")
class FindingsApi {

    private final Findings findings;
    private final RuleCatalogue catalogue;

    FindingsApi(Findings findings, RuleCatalogue catalogue) {
        this.findings = findings;
        this.catalogue = catalogue;
    }

    @GetMapping("/findings/summary")
    @Operation(summary = "质控发现汇总 / findings by rule, department and coder",
            description = "筛选：institution, from, to (yyyy-MM), department, doctor, coder, severity（该级别及以上）, rule, changing。"
                    + " / Filters as on /drg/quality; severity is \"at least\".")
    Findings.Summary summary(@Parameter(hidden = true) @RequestParam Map<String, String> params) {
        StaffPrincipal me = DrgCasesConsole.reader();
        return findings.summary(me.scope(), FindingFilter.of(params));
    }

    @GetMapping("/findings")
    @Operation(summary = "质控发现列表 / the findings list",
            description = "与汇总相同的筛选，按发现编号倒序分页（after=上页 next，size ≤ 500）；值已脱敏；每次读取记入审计日志。 / Same filters, "
                    + "newest first, keyset-paged; values masked; audited.")
    Findings.Page list(@Parameter(hidden = true) @RequestParam Map<String, String> params,
                       @RequestParam(required = false) String after, @RequestParam(defaultValue = "100") int size) {
        StaffPrincipal me = DrgCasesConsole.reader();
        return findings.list(me.scope(), FindingFilter.of(params), DrgCasesConsole.afterParam(after), size);
    }

    @GetMapping("/qc-rules")
    @Operation(summary = "质控规则目录 / the QC rule catalogue",
            description = "某方案（默认本机构配置的方案）下启用的规则及因方案缺少参考表而跳过的规则。 / The rules of the scheme's checker "
                    + "(default: the institution's scheme) and those it skips, with the reason.")
    RuleCatalogue.Catalogue rules(@RequestParam(required = false) String scheme) {
        StaffPrincipal me = DrgCasesConsole.reader();
        return catalogue.of(scheme, me.institutionId());
    }
}
