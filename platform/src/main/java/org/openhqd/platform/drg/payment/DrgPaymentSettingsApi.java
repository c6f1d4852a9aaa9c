package org.openhqd.platform.drg.payment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** DRG payment settings (支付设置) per discharge year, and the profit/loss of the caller's cases with its sensitivity. */
@RestController
@RequestMapping("/api/v1/drg/payment-settings")
@PreAuthorize("!hasRole('AUDITOR')")
@Tag(name = "DRG payment settings", description = "Base rates per insurance type, outlier thresholds and settlement rules per year")
class DrgPaymentSettingsApi {

    private final DrgPaymentQueries queries;
    private final DrgPaymentActions actions;

    DrgPaymentSettingsApi(DrgPaymentQueries queries, DrgPaymentActions actions) {
        this.queries = queries;
        this.actions = actions;
    }

    @GetMapping
    @Operation(summary = "The settings in force for a discharge year (saved, inherited from an earlier year, or the defaults) "
            + "and the base rates they give under the scheme's active weight set (rates left empty are estimated: reference cost × ratio)")
    DrgPaymentQueries.SettingsView settings(@RequestParam(required = false) Integer year,
                                            @RequestParam(required = false) String scheme) {
        StaffPrincipal me = CurrentUser.get();
        return queries.settings(me, year == null ? queries.defaultYear(me) : year, scheme);
    }

    @PutMapping
    @Operation(summary = "Saves a year's settings of the caller's community and reprices its cases")
    DrgPaymentQueries.SettingsView save(@RequestBody PaymentSettingsRequest body) {
        StaffPrincipal me = CurrentUser.get();
        var saved = actions.saveSettings(me, body.toSettings(actions.settingsDefaults()));
        return queries.settings(me, saved.year(), null);
    }

    @GetMapping("/sensitivity")
    @Operation(summary = "The caller's cases discharged in a year: priced, ungrouped and without weight, total cost, expected "
            + "payment, profit/loss (an estimate: expected payment − total cost), outliers, and the profit/loss at the base "
            + "rates −10 %, −5 %, 0, +5 %, +10 %")
    DrgPaymentQueries.Figures sensitivity(@RequestParam(required = false) Integer year) {
        StaffPrincipal me = CurrentUser.get();
        return queries.figures(me, year == null ? queries.defaultYear(me) : year);
    }
}
