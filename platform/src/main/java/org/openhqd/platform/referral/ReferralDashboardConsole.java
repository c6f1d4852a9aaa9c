package org.openhqd.platform.referral;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.openhqd.platform.outpatient.MonthRange;
import org.openhqd.platform.security.CurrentUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console page 转诊统计: filters, figures per institution and month, top diseases, trend chart, definitions, CSV export. */
@Controller
@PreAuthorize("!hasRole('AUDITOR')")
class ReferralDashboardConsole {

    private final ReferralStatistics statistics;
    private final ReferralDashboardDefinitions definitions;
    private final ReferralDashboardExport export;
    private final Clock clock;

    ReferralDashboardConsole(ReferralStatistics statistics, ReferralDashboardDefinitions definitions, ReferralDashboardExport export,
                             Clock clock) {
        this.statistics = statistics;
        this.definitions = definitions;
        this.export = export;
        this.clock = clock;
    }

    @GetMapping("/referrals/dashboard")
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String level, Model model) {
        ReferralDashboard d = statistics.dashboard(CurrentUser.get().scope(), MonthRange.parse(from, to, clock),
                DashboardLevel.parse(level));
        model.addAttribute("d", d);
        model.addAttribute("chart", ReferralDashboardChart.of(d));
        model.addAttribute("definitions", definitions.all());
        return "referral-dashboard";
    }

    @GetMapping("/referrals/dashboard/export.csv")
    ResponseEntity<String> exportCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                     @RequestParam(required = false) String level) {
        ReferralDashboard d = statistics.dashboard(CurrentUser.get().scope(), MonthRange.parse(from, to, clock),
                DashboardLevel.parse(level));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"referral-dashboard-" + d.from() + "-" + d.to() + ".csv\"")
                .body(export.csv(d));
    }
}
