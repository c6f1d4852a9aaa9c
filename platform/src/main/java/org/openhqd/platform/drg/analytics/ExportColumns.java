package org.openhqd.platform.drg.analytics;

import java.util.List;
import java.util.function.Function;

/**
 * The columns of the CSV and XLSX exports: the row's key, then every sum next to the figure made of
 * it, so that a spreadsheet can re-aggregate (add numerators and denominators, divide). The key is
 * the column's header in the CSV; {@code da.col.<key>} names it in Chinese in the XLSX.
 */
final class ExportColumns {

    /** A column: its key, and the cell of a row (a String, a Number, or null for an empty cell). */
    record Column(String key, Function<AnalyticsRow, Object> value) {
    }

    private ExportColumns() {
    }

    static final List<Column> ALL = List.of(
            new Column("institution_id", AnalyticsRow::institutionId),
            new Column("institution", AnalyticsRow::institution),
            new Column("department", AnalyticsRow::department),
            new Column("doctor", AnalyticsRow::doctor),
            new Column("drg", AnalyticsRow::drg),
            new Column("drg_name", AnalyticsRow::drgName),
            new Column("month", AnalyticsRow::month),
            new Column("cases", r -> r.sums().cases()),
            new Column("eligible", r -> r.sums().eligible()),
            new Column("eligible_grouped", r -> r.sums().eligibleGrouped()),
            new Column("grouping_rate_pct", r -> r.indicators().groupingRate().value()),
            new Column("grouped", r -> r.sums().grouped()),
            new Column("drg_count", r -> r.indicators().drgCount()),
            new Column("weighted", r -> r.sums().weighted()),
            new Column("total_weight", r -> r.sums().rwSum()),
            new Column("cmi", r -> r.indicators().cmi().value()),
            new Column("cost_ratio_cases", r -> r.sums().costRatioCases()),
            new Column("cost_ratio_sum", r -> r.sums().costRatioSum()),
            new Column("cost_index", r -> r.indicators().costIndex().value()),
            new Column("los_ratio_cases", r -> r.sums().losRatioCases()),
            new Column("los_ratio_sum", r -> r.sums().losRatioSum()),
            new Column("time_index", r -> r.indicators().timeIndex().value()),
            new Column("risk1_cases", r -> r.sums().risk1Cases()),
            new Column("risk1_deaths", r -> r.sums().risk1Deaths()),
            new Column("low_risk_mortality_pct", r -> r.indicators().lowRiskMortality().value()),
            new Column("risk2_cases", r -> r.sums().risk2Cases()),
            new Column("risk2_deaths", r -> r.sums().risk2Deaths()),
            new Column("low_mid_risk_mortality_pct", r -> r.indicators().lowMidRiskMortality().value()),
            new Column("priced", r -> r.sums().priced()),
            new Column("high_outliers", r -> r.sums().highOutliers()),
            new Column("high_outlier_share_pct", r -> r.indicators().highOutlierShare().value()),
            new Column("low_outliers", r -> r.sums().lowOutliers()),
            new Column("low_outlier_share_pct", r -> r.indicators().lowOutlierShare().value()),
            new Column("deaths", r -> r.sums().deaths()),
            new Column("cost_cases", r -> r.sums().costCases()),
            new Column("total_cost", r -> r.sums().costSum()),
            new Column("cost_per_case", r -> r.indicators().costPerCase().value()),
            new Column("los_cases", r -> r.sums().losCases()),
            new Column("los_sum", r -> r.sums().losSum()),
            new Column("mean_los", r -> r.indicators().meanLos().value()),
            new Column("paid_cases", r -> r.sums().paidCases()),
            new Column("paid_cost_sum", r -> r.sums().paidCostSum()),
            new Column("expected_payment", r -> r.sums().expectedPaymentSum()),
            new Column("profit_loss", r -> r.sums().profitLossSum()));
}
