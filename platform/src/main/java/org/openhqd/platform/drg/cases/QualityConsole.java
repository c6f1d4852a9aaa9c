package org.openhqd.platform.drg.cases;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 质控发现 on the console: findings by rule, department and coder with drill-down to the case list,
 * the audited exports, and the rule catalogue.
 */
@Controller
class QualityConsole {

    private final Findings findings;
    private final FindingExport export;
    private final RuleCatalogue catalogue;
    private final ScopeInstitutions institutions;

    QualityConsole(Findings findings, FindingExport export, RuleCatalogue catalogue, ScopeInstitutions institutions) {
        this.findings = findings;
        this.export = export;
        this.catalogue = catalogue;
        this.institutions = institutions;
    }

    @GetMapping("/drg/quality")
    String page(@RequestParam Map<String, String> params, Model model) {
        StaffPrincipal me = DrgCasesConsole.reader();
        model.addAttribute("institutions", institutions.all(me.scope()));
        model.addAttribute("params", params);
        FindingFilter filter;
        try {
            filter = FindingFilter.of(params);
        } catch (DrgProblem e) {
            model.addAttribute("error", e.detail());
            return "drg-quality";
        }
        Findings.Summary s = findings.summary(me.scope(), filter);
        model.addAttribute("summary", s);
        Map<String, String> ruleLinks = new LinkedHashMap<>();
        s.byRule().forEach(r -> ruleLinks.put(r.ruleId(), filter.casesHref(Map.of("rule", r.ruleId()))));
        Map<String, String> departmentLinks = new LinkedHashMap<>();
        s.byDepartment().forEach(d -> departmentLinks.put(d.name(), filter.casesHref(drill("department", d.name(), filter))));
        Map<String, String> coderLinks = new LinkedHashMap<>();
        s.byCoder().forEach(c -> coderLinks.put(c.name(), filter.casesHref(drill("coder", c.name(), filter))));
        model.addAttribute("ruleLinks", ruleLinks);
        model.addAttribute("departmentLinks", departmentLinks);
        model.addAttribute("coderLinks", coderLinks);
        model.addAttribute("csvHref", filter.cases().href("/drg/quality/export.csv", Map.of()));
        model.addAttribute("xlsxHref", filter.cases().href("/drg/quality/export.xlsx", Map.of()));
        return "drg-quality";
    }

    /**
     * The case list of one department or coder with the page's severity, or with any finding when no
     * severity is chosen (the case list's severity is "at least", INFO being any finding).
     */
    private static Map<String, String> drill(String name, String value, FindingFilter filter) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(name, value == null ? "" : value);
        if (filter.cases().severity() == null) {
            m.put("severity", "INFO");
        }
        return m;
    }

    @GetMapping("/drg/quality/rules")
    String rules(@RequestParam(required = false) String scheme, Model model) {
        StaffPrincipal me = DrgCasesConsole.reader();
        model.addAttribute("schemes", catalogue.schemeIds());
        try {
            model.addAttribute("catalogue", catalogue.of(scheme, me.institutionId()));
        } catch (DrgProblem e) {
            model.addAttribute("error", e.detail());
            model.addAttribute("catalogue", catalogue.of(null, me.institutionId()));
        }
        return "drg-quality-rules";
    }

    @GetMapping("/drg/quality/export.csv")
    void csv(@RequestParam Map<String, String> params, HttpServletResponse response) throws IOException {
        StaffPrincipal me = DrgCasesConsole.reader();
        FindingFilter filter = FindingFilter.of(params);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"drg-findings.csv\"");
        export.csv(me.scope(), filter, response.getOutputStream());
    }

    @GetMapping("/drg/quality/export.xlsx")
    void xlsx(@RequestParam Map<String, String> params, HttpServletResponse response) throws IOException {
        StaffPrincipal me = DrgCasesConsole.reader();
        FindingFilter filter = FindingFilter.of(params);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"drg-findings.xlsx\"");
        export.xlsx(me.scope(), filter, response.getOutputStream());
    }
}
