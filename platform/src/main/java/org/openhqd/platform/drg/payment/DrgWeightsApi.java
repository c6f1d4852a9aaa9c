package org.openhqd.platform.drg.payment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.openhqd.platform.drg.WeightSet;
import org.openhqd.platform.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** DRG weight sets (权重集) of the caller's community: list, read, compute, load the official table, activate. */
@RestController
@RequestMapping("/api/v1/drg/weights")
@PreAuthorize("!hasRole('AUDITOR')")
@Tag(name = "DRG weights", description = "Relative weights, benchmarks and mortality risk levels per DRG (权重集)")
class DrgWeightsApi {

    private final DrgPaymentQueries queries;
    private final DrgPaymentActions actions;

    DrgWeightsApi(DrgPaymentQueries queries, DrgPaymentActions actions) {
        this.queries = queries;
        this.actions = actions;
    }

    @GetMapping
    @Operation(summary = "The community's weight sets of a scheme (default: the caller's institution's scheme) and the active one")
    DrgPaymentQueries.SetsView sets(@RequestParam(required = false) String scheme) {
        return queries.sets(CurrentUser.get(), scheme);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A weight set of the caller's community: method, parameters, years and counts (404 for another community's)")
    WeightSet set(@PathVariable long id) {
        return queries.set(CurrentUser.get(), id);
    }

    @GetMapping("/{id}/rows")
    @Operation(summary = "A page of a set's per-DRG rows (RW, benchmark cost and stay, cases used/trimmed, mortality, risk level); "
            + "q: DRG or ADRG code prefix")
    DrgWeightSets.RowPage rows(@PathVariable long id, @RequestParam(required = false) String q,
                               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return queries.rows(CurrentUser.get(), id, q, page, size);
    }

    @PostMapping("/compute")
    @Operation(summary = "Computes a set from the grouped cases in the caller's scope (parameters left out take the defaults: "
            + "IQR trimming k 1.5 on ln cost, max LOS 60, min cases 5, year weights 1:2:7); activate=true also activates it "
            + "and reprices the community")
    WeightSet compute(@RequestBody WeightComputeRequest body) {
        var me = CurrentUser.get();
        return actions.compute(me, queries.scheme(me, body.scheme()), body.parameters(actions.defaultParameters()), body.name(),
                body.versionLabel(), body.activates());
    }

    @PostMapping(value = "/official", consumes = {"text/csv", "text/plain"})
    @Operation(summary = "Loads the insurer's weight table: CSV with a header, columns drg, rw (required), avg_cost, avg_los, "
            + "risk_level (optional; Chinese names DRG编码, 权重, 例均费用, 平均住院日, 风险等级 accepted). All rows or none; "
            + "errors name line and field")
    WeightSet official(@RequestBody String csv, @RequestParam(required = false) String scheme,
                       @RequestParam(required = false) String name, @RequestParam(required = false) String versionLabel,
                       @RequestParam(defaultValue = "false") boolean activate) {
        var me = CurrentUser.get();
        return actions.loadOfficial(me, queries.scheme(me, scheme), csv, name, versionLabel, activate);
    }

    @PostMapping("/{id}/activate")
    @Operation(summary = "Makes the set the community's active one for its scheme and reprices the community's cases")
    WeightSet activate(@PathVariable long id) {
        return actions.activate(CurrentUser.get(), id);
    }
}
