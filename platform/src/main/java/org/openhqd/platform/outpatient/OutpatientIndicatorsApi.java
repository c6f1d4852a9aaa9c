package org.openhqd.platform.outpatient;

import java.time.Clock;
import java.util.Map;
import org.openhqd.platform.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The outpatient indicators for integrations and BI, and the HIS feed of daily visit totals. */
@RestController
@RequestMapping("/api/v1/outpatient")
@PreAuthorize("!hasRole('AUDITOR')")
class OutpatientIndicatorsApi {

    private final OutpatientIndicators indicators;
    private final VisitCounts visitCounts;
    private final Clock clock;

    OutpatientIndicatorsApi(OutpatientIndicators indicators, VisitCounts visitCounts, Clock clock) {
        this.indicators = indicators;
        this.visitCounts = visitCounts;
        this.clock = clock;
    }

    /** {@code ?from=YYYY-MM&to=YYYY-MM&level=institution|department|doctor[&institution=ID][&department=ID]}. */
    @GetMapping("/indicators")
    IndicatorReport indicators(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) String level, @RequestParam(required = false) Long institution,
                               @RequestParam(required = false) Long department) {
        return indicators.report(CurrentUser.get().scope(), MonthRange.parse(from, to, clock), Level.parse(level), institution,
                department);
    }

    /** A CSV body ({@code institution_code,department_code,date,visits}); all rows or none. */
    @PostMapping(value = "/visit-counts", consumes = {"text/csv", "text/plain"})
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN','COMMUNITY_ADMIN','INSTITUTION_ADMIN','QUALITY_OFFICE','INTEGRATION')")
    Map<String, Integer> importVisitCounts(@RequestBody String csv) {
        return Map.of("imported", visitCounts.importCsv(csv, CurrentUser.get()));
    }
}
