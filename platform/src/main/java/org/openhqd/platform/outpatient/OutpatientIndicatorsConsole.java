package org.openhqd.platform.outpatient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.DataScope;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console page 门诊预约指标: filters, drill-down table, monthly trend, definitions, CSV export and visit-total upload. */
@Controller
@PreAuthorize("!hasRole('AUDITOR')")
class OutpatientIndicatorsConsole {

    private final OutpatientIndicators indicators;
    private final IndicatorDefinitions definitions;
    private final IndicatorExport export;
    private final VisitCounts visitCounts;
    private final Clock clock;

    OutpatientIndicatorsConsole(OutpatientIndicators indicators, IndicatorDefinitions definitions, IndicatorExport export,
                                VisitCounts visitCounts, Clock clock) {
        this.indicators = indicators;
        this.definitions = definitions;
        this.export = export;
        this.visitCounts = visitCounts;
        this.clock = clock;
    }

    @GetMapping("/appointments/indicators")
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String level, @RequestParam(required = false) Long institution,
                @RequestParam(required = false) Long department, Model model) {
        DataScope scope = CurrentUser.get().scope();
        IndicatorReport report = indicators.report(scope, MonthRange.parse(from, to, clock), Level.parse(level), institution,
                department);
        model.addAttribute("report", report);
        model.addAttribute("chart", TrendChart.of(report));
        model.addAttribute("definitions", definitions.all());
        model.addAttribute("institutions", indicators.institutions(scope));
        model.addAttribute("departments", indicators.departments(scope, institution));
        model.addAttribute("mayImport", CurrentUser.get().role().administers()
                || CurrentUser.get().role() == org.openhqd.platform.security.Role.QUALITY_OFFICE);
        return "outpatient-indicators";
    }

    @GetMapping("/appointments/indicators/export.csv")
    ResponseEntity<String> exportCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                     @RequestParam(required = false) String level, @RequestParam(required = false) Long institution,
                                     @RequestParam(required = false) Long department) {
        IndicatorReport report = indicators.report(CurrentUser.get().scope(), MonthRange.parse(from, to, clock),
                Level.parse(level), institution, department);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"outpatient-indicators-" + report.from() + "-"
                        + report.to() + ".csv\"")
                .body(export.csv(report));
    }

    /** Upload of daily visit totals (CSV); every problem is shown with its line and field, and nothing is imported then. */
    @PostMapping("/appointments/indicators/visit-counts")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN','COMMUNITY_ADMIN','INSTITUTION_ADMIN','QUALITY_OFFICE')")
    String upload(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
        try {
            int n = visitCounts.importCsv(new String(file.getBytes(), StandardCharsets.UTF_8), CurrentUser.get());
            redirect.addFlashAttribute("imported", n);
        } catch (VisitCountImportException e) {
            redirect.addFlashAttribute("importProblems", e.problems());
        }
        return "redirect:/appointments/indicators";
    }
}
