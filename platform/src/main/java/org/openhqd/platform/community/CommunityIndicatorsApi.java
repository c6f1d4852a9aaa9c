package org.openhqd.platform.community;

import java.util.Map;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The county medical-community indicators and the feed of the figures the platform cannot compute. */
@RestController
@RequestMapping("/api/v1/community")
@PreAuthorize("!hasRole('AUDITOR')")
class CommunityIndicatorsApi {

    private final CommunityIndicators indicators;
    private final IndicatorFigures figures;
    private final BundledPayment payment;
    private final PaymentAccess access;

    CommunityIndicatorsApi(CommunityIndicators indicators, IndicatorFigures figures, BundledPayment payment, PaymentAccess access) {
        this.indicators = indicators;
        this.figures = figures;
        this.payment = payment;
        this.access = access;
    }

    /** {@code ?year=YYYY} (default: the latest year with payment settings or settlements); 403 outside the community's management. */
    @GetMapping("/indicators")
    CommunityIndicatorReport indicators(@RequestParam(required = false) Integer year) {
        StaffPrincipal me = CurrentUser.get();
        return indicators.report(me, year == null ? payment.defaultYear(me.communityId()) : Years.check(year));
    }

    /** A CSV body ({@value IndicatorFigures#HEADER}); all rows or none. */
    @PostMapping(value = "/indicator-figures", consumes = {"text/csv", "text/plain"})
    Map<String, Integer> importFigures(@RequestBody String csv) {
        StaffPrincipal me = CurrentUser.get();
        if (!access.manages(me)) {
            throw new AccessDeniedException("not a manager of the community's figures");
        }
        return Map.of("imported", figures.importCsv(csv, me));
    }
}
