package org.openhqd.platform.community;

import java.util.Map;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The bundled-payment simulation, its settings and the insurer's settlement feed. */
@RestController
@RequestMapping("/api/v1/community")
@PreAuthorize("!hasRole('AUDITOR')")
class BundledPaymentApi {

    private final BundledPayment payment;
    private final PaymentSettingsStore settings;
    private final Settlements settlements;
    private final PaymentAccess access;

    BundledPaymentApi(BundledPayment payment, PaymentSettingsStore settings, Settlements settlements, PaymentAccess access) {
        this.payment = payment;
        this.settings = settings;
        this.settlements = settlements;
        this.access = access;
    }

    /** The explained clearing and distribution of {@code ?year=} (default: the latest year with settings). */
    @GetMapping("/bundled-payment")
    PaymentReport report(@RequestParam(required = false) Integer year) {
        return payment.report(CurrentUser.get(), year);
    }

    /** The year's settings; 404 when none are set. */
    @GetMapping("/bundled-payment/settings")
    PaymentSettings settings(@RequestParam int year) {
        StaffPrincipal me = CurrentUser.get();
        if (!access.seesWholeCommunity(me)) {
            throw new AccessDeniedException("not the community's");
        }
        return settings.find(me.communityId(), Years.check(year))
                .orElseThrow(org.openhqd.platform.organization.Organizations.NotInScopeException::new);
    }

    /** Replaces the year's settings (JSON as returned by GET); answers the recomputed report. */
    @PutMapping("/bundled-payment/settings")
    PaymentReport saveSettings(@RequestBody PaymentSettings body) {
        StaffPrincipal me = manager();
        settings.save(body, me);
        return payment.report(me, body.year());
    }

    /** A CSV body ({@value SettlementCsv#HEADER}); all rows or none. */
    @PostMapping(value = "/settlements", consumes = {"text/csv", "text/plain"})
    Map<String, Integer> importSettlements(@RequestBody String csv) {
        return Map.of("imported", settlements.importCsv(csv, manager()));
    }

    private StaffPrincipal manager() {
        StaffPrincipal me = CurrentUser.get();
        if (!access.manages(me)) {
            throw new AccessDeniedException("not a manager of the community's payment");
        }
        return me;
    }
}
