package org.openhqd.platform.drg.analytics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.openhqd.platform.drg.DrgAccess;
import org.openhqd.platform.drg.DrgAnalytics;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.DataScope;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** DRG analytics for integrations and BI: the figures with their numerators and denominators, and their definitions. */
@RestController
@RequestMapping("/api/v1/drg/analytics")
@Tag(name = "DRG analytics", description = "DRG 绩效分析：CMI、费用/时间消耗指数、风险组死亡率、倍率病例、盈亏，按机构、科室、医生、DRG、月份")
class AnalyticsApi {

    private final DrgAnalyticsReports reports;
    private final AnalyticsDefinitions definitions;
    private final AnalyticsRebuild rebuild;

    AnalyticsApi(DrgAnalyticsReports reports, AnalyticsDefinitions definitions, AnalyticsRebuild rebuild) {
        this.reports = reports;
        this.definitions = definitions;
        this.rebuild = rebuild;
    }

    @GetMapping
    @Operation(summary = "DRG indicators of a period by one dimension",
            description = """
                    One row per key of the dimension under the drill-down filters, the total (computed over all rows: \
                    the DRG count is not additive) and the monthly trend under the same filters. Every row carries its \
                    additive sums (`sums`: numerators and denominators, so rows can be re-aggregated by adding them) and \
                    the figures made of them (`indicators`: {numerator, denominator, value}; percentages in per cent, \
                    value null when the denominator is 0), plus `links`: the next drill-down level (console page and \
                    API) and the case list of the row's cases. Only institutions in the caller's data scope contribute. \
                    CMI, consumption indices, risk-group mortality, outliers and profit/loss are estimates with the \
                    hospital's own weights and payment settings; they must not be used as per-doctor spending caps or \
                    in individual performance pay. Definitions: GET /api/v1/drg/analytics/definitions.""")
    AnalyticsReport analytics(
            @Parameter(description = "institution | department | doctor | drg | month (default institution)")
            @RequestParam(required = false) String dimension,
            @Parameter(description = "first discharge month, yyyy-MM (default: January of `to`'s year); with `year`, used only inside that year")
            @RequestParam(required = false) String from,
            @Parameter(description = "last discharge month, yyyy-MM (default: December of `from`'s year); at most 60 months; with `year`, used only inside that year")
            @RequestParam(required = false) String to,
            @Parameter(description = "a calendar year (default, when from and to are missing too: the latest year with cases in scope)")
            @RequestParam(required = false) Integer year,
            @Parameter(description = "institution id (drill-down filter)") @RequestParam(required = false) Long institution,
            @Parameter(description = "出院科别 as imported (exact)") @RequestParam(required = false) String department,
            @Parameter(description = "主诊医师 as imported (exact)") @RequestParam(required = false) String doctor,
            @Parameter(description = "DRG code; 0000 for cases that were not grouped") @RequestParam(required = false) String drg) {
        DataScope scope = reader().scope();
        return reports.report(scope, AnalyticsQuery.parse(year, from, to, dimension, institution, department, doctor, drg,
                reports.defaultYear(scope, institution)));
    }

    @GetMapping("/definitions")
    @Operation(summary = "Definitions of the DRG analytics indicators (versioned)",
            description = "D01–D09 of the DRG reference set and the platform's outlier, profit/loss, cost and stay figures: "
                    + "numerator, denominator, unit, direction, source and the rule the platform computes them by.")
    List<AnalyticsDefinition> definitions() {
        reader();
        return definitions.all();
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Rebuild the analytics cube",
            description = "Sums the stored cases again (after manual fixes in the database); one institution in the caller's "
                    + "scope, or every institution in it with cases. DRG managers only; audited. The cube is otherwise "
                    + "rebuilt automatically whenever cases are repriced.")
    DrgAnalytics.Rebuilt rebuild(@Parameter(description = "institution id (default: all with cases in scope)")
                                 @RequestParam(required = false) Long institution) {
        return rebuild.rebuild(CurrentUser.get(), institution);
    }

    private static StaffPrincipal reader() {
        StaffPrincipal me = CurrentUser.get();
        if (!DrgAccess.mayRead(me)) {
            throw new AccessDeniedException("DRG analytics are not readable by " + me.role());
        }
        return me;
    }
}
