package org.openhqd.platform.drg.analytics;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openhqd.platform.drg.DrgAccess;
import org.openhqd.platform.drg.DrgAnalytics;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.DataScope;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console page DRG 绩效分析: period and institution filters, dimension tabs, the indicator table
 * with drill-down (hospital → department → doctor → DRG → cases), charts, definitions, audited CSV
 * and XLSX export, and the cube rebuild for managers.
 */
@Controller
class AnalyticsConsole {

    private static final java.time.ZoneId CHINA = java.time.ZoneId.of("Asia/Shanghai");
    /** The page shows at most this many rows (those with most cases); the exports and the API have all. */
    static final int PAGE_ROWS = 300;

    private final DrgAnalyticsReports reports;
    private final AnalyticsDefinitions definitions;
    private final AnalyticsExport export;
    private final AnalyticsRebuild rebuild;

    AnalyticsConsole(DrgAnalyticsReports reports, AnalyticsDefinitions definitions, AnalyticsExport export,
                     AnalyticsRebuild rebuild) {
        this.reports = reports;
        this.definitions = definitions;
        this.export = export;
        this.rebuild = rebuild;
    }

    @GetMapping("/drg/analytics")
    String page(@RequestParam(required = false) Integer year, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, @RequestParam(required = false) String dimension,
                @RequestParam(required = false) Long institution, @RequestParam(required = false) String department,
                @RequestParam(required = false) String doctor, @RequestParam(required = false) String drg, Model model,
                jakarta.servlet.http.HttpServletRequest request) {
        StaffPrincipal me = reader();
        DataScope scope = me.scope();
        DrgAnalyticsReports.Context context = reports.context(scope);
        AnalyticsQuery q = AnalyticsQuery.parse(year, from, to, dimension, institution, department, doctor, drg,
                institution == null ? reports.year(context.coverage()) : reports.defaultYear(scope, institution));
        AnalyticsReport report = reports.report(scope, q, context);
        model.addAttribute("q", q);
        model.addAttribute("report", report);
        model.addAttribute("rows", FigureCells.of(mostCases(report.rows(), PAGE_ROWS)));
        model.addAttribute("total", FigureCells.of(List.of(report.total())).get(0));
        model.addAttribute("pageRows", PAGE_ROWS);
        model.addAttribute("charts", AnalyticsCharts.of(report, reports.chartRows(scope, q, report, context)));
        model.addAttribute("definitions", definitions.all());
        model.addAttribute("institutions", context.institutions());
        model.addAttribute("years", reports.years(context.coverage()));
        model.addAttribute("tabs", DimensionTab.of(q));
        model.addAttribute("builtAt", report.builtAt() == null ? null
                : report.builtAt().atZoneSameInstant(CHINA).format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
        model.addAttribute("crumbs", Crumbs.of(q, context.institutions()));
        model.addAttribute("exportQuery", Links.url("", Links.Scope.of(q, null, null, null, null, null), q.dimension())
                .substring(1));
        model.addAttribute("mayManage", DrgAccess.mayManage(me));
        // the table's links are written as context path + path: a th:href="@{…}" per row would pass each through
        // the static-resource URL resolver, which looks the path up on the class path (the page's main cost)
        model.addAttribute("ctx", request.getContextPath());
        return "drg-analytics";
    }

    @GetMapping("/drg/analytics/export.csv")
    ResponseEntity<String> exportCsv(@RequestParam(required = false) Integer year, @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to, @RequestParam(required = false) String dimension,
                                     @RequestParam(required = false) Long institution,
                                     @RequestParam(required = false) String department,
                                     @RequestParam(required = false) String doctor, @RequestParam(required = false) String drg) {
        AnalyticsReport report = report(year, from, to, dimension, institution, department, doctor, drg);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(report) + ".csv\"")
                .body(export.csv(report));
    }

    @GetMapping("/drg/analytics/export.xlsx")
    ResponseEntity<byte[]> exportXlsx(@RequestParam(required = false) Integer year, @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to, @RequestParam(required = false) String dimension,
                                      @RequestParam(required = false) Long institution,
                                      @RequestParam(required = false) String department,
                                      @RequestParam(required = false) String doctor, @RequestParam(required = false) String drg) {
        AnalyticsReport report = report(year, from, to, dimension, institution, department, doctor, drg);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(report) + ".xlsx\"")
                .body(export.xlsx(report));
    }

    /** Rebuilds the cube of one institution in scope (or of all with cases in scope) after manual fixes. */
    @PostMapping("/drg/analytics/rebuild")
    String rebuild(@RequestParam(required = false) Long institution, RedirectAttributes redirect) {
        DrgAnalytics.Rebuilt done = rebuild.rebuild(CurrentUser.get(), institution);
        redirect.addFlashAttribute("rebuilt", done);
        return "redirect:/drg/analytics" + (institution == null ? "" : "?institution=" + institution);
    }

    private AnalyticsReport report(Integer year, String from, String to, String dimension, Long institution, String department,
                                   String doctor, String drg) {
        DataScope scope = reader().scope();
        return reports.report(scope, AnalyticsQuery.parse(year, from, to, dimension, institution, department, doctor, drg,
                reports.defaultYear(scope, institution)));
    }

    /** The rows with most cases, at most {@code max}, in the report's order. */
    static List<AnalyticsRow> mostCases(List<AnalyticsRow> rows, int max) {
        if (rows.size() <= max) {
            return rows;
        }
        java.util.Set<AnalyticsRow> kept = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        rows.stream().sorted(java.util.Comparator.comparingLong((AnalyticsRow r) -> r.sums().cases()).reversed()).limit(max)
                .forEach(kept::add);
        return rows.stream().filter(kept::contains).toList();
    }

    private static StaffPrincipal reader() {
        StaffPrincipal me = CurrentUser.get();
        if (!DrgAccess.mayRead(me)) {
            throw new AccessDeniedException("DRG analytics are not readable by " + me.role());
        }
        return me;
    }

    private static String fileName(AnalyticsReport report) {
        return "drg-analytics-" + report.dimension() + "-" + report.from() + "-" + report.to();
    }
}
