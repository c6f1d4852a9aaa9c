package org.openhqd.platform.community;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console page 医共体监测指标: the definitions for everyone, the year's values, monthly trend,
 * audited export and figure upload for those who see the whole community.
 */
@Controller
@PreAuthorize("!hasRole('AUDITOR')")
class CommunityIndicatorsConsole {

    private final CommunityIndicators indicators;
    private final CommunityIndicatorDefinitions definitions;
    private final CommunityIndicatorExport export;
    private final IndicatorFigures figures;
    private final BundledPayment payment;
    private final PaymentAccess access;

    CommunityIndicatorsConsole(CommunityIndicators indicators, CommunityIndicatorDefinitions definitions,
                               CommunityIndicatorExport export, IndicatorFigures figures, BundledPayment payment,
                               PaymentAccess access) {
        this.indicators = indicators;
        this.definitions = definitions;
        this.export = export;
        this.figures = figures;
        this.payment = payment;
        this.access = access;
    }

    @GetMapping("/community/indicators")
    String page(@RequestParam(required = false) Integer year, Model model) {
        StaffPrincipal me = CurrentUser.get();
        int y = year == null ? payment.defaultYear(me.communityId()) : Years.check(year);
        model.addAttribute("year", y);
        model.addAttribute("definitions", definitions.all());
        if (indicators.available(me)) {
            CommunityIndicatorReport report = indicators.report(me, y);
            model.addAttribute("report", report);
            model.addAttribute("chart", IndicatorTrendChart.of(report));
        }
        model.addAttribute("mayImport", access.manages(me));
        return "community-indicators";
    }

    @GetMapping("/community/indicators/export.csv")
    ResponseEntity<String> exportCsv(@RequestParam(required = false) Integer year) {
        StaffPrincipal me = CurrentUser.get();
        CommunityIndicatorReport report = indicators.report(me, year == null ? payment.defaultYear(me.communityId()) : Years.check(year));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"community-indicators-" + report.year() + ".csv\"")
                .body(export.csv(report));
    }

    /** Upload of external figures (CSV); every problem is shown with its line and field, and nothing is imported then. */
    @PostMapping("/community/indicators/figures")
    String upload(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
        StaffPrincipal me = CurrentUser.get();
        if (!access.manages(me)) {
            throw new AccessDeniedException("not a manager of the community's figures");
        }
        try {
            redirect.addFlashAttribute("imported", figures.importCsv(new String(file.getBytes(), StandardCharsets.UTF_8), me));
        } catch (CsvImportException e) {
            redirect.addFlashAttribute("importProblems", e.problems());
        }
        return "redirect:/community/indicators";
    }
}
