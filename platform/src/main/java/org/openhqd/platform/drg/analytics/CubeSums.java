package org.openhqd.platform.drg.analytics;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The additive sums of a set of cube rows (V17 {@code drg_cube} names each). Every indicator is a
 * ratio of two of them, so a client can add the sums of several rows (departments, months,
 * hospitals) and compute the indicator of the whole; only {@code drgCount} is not additive.
 */
public record CubeSums(long cases, long eligible, long eligibleGrouped, long grouped, long deaths, long weighted,
                       BigDecimal rwSum, long costCases, BigDecimal costSum, long losCases, long losSum,
                       long costRatioCases, double costRatioSum, long losRatioCases, double losRatioSum,
                       long risk1Cases, long risk1Deaths, long risk2Cases, long risk2Deaths, long priced,
                       long highOutliers, long lowOutliers, long paidCases, BigDecimal paidCostSum,
                       BigDecimal expectedPaymentSum, BigDecimal profitLossSum) {

    /** The SELECT list that sums cube rows of alias {@code c} into the columns {@link #read} reads. */
    static final String SELECT = """
            SUM(c.cases) AS cases, SUM(c.eligible) AS eligible, SUM(c.eligible_grouped) AS eligible_grouped,
            SUM(c.grouped) AS grouped, SUM(c.deaths) AS deaths, SUM(c.weighted) AS weighted, SUM(c.rw_sum) AS rw_sum,
            SUM(c.cost_cases) AS cost_cases, SUM(c.cost_sum) AS cost_sum, SUM(c.los_cases) AS los_cases,
            SUM(c.los_sum) AS los_sum, SUM(c.cost_ratio_cases) AS cost_ratio_cases, SUM(c.cost_ratio_sum) AS cost_ratio_sum,
            SUM(c.los_ratio_cases) AS los_ratio_cases, SUM(c.los_ratio_sum) AS los_ratio_sum,
            SUM(c.risk1_cases) AS risk1_cases, SUM(c.risk1_deaths) AS risk1_deaths, SUM(c.risk2_cases) AS risk2_cases,
            SUM(c.risk2_deaths) AS risk2_deaths, SUM(c.priced) AS priced, SUM(c.high_outliers) AS high_outliers,
            SUM(c.low_outliers) AS low_outliers, SUM(c.paid_cases) AS paid_cases, SUM(c.paid_cost_sum) AS paid_cost_sum,
            SUM(c.expected_payment_sum) AS expected_payment_sum, SUM(c.profit_loss_sum) AS profit_loss_sum,
            COUNT(DISTINCT CASE WHEN c.grouped > 0 THEN c.drg END) AS drg_count""";

    public static final CubeSums ZERO = new CubeSums(0, 0, 0, 0, 0, 0, BigDecimal.ZERO, 0, BigDecimal.ZERO, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    static CubeSums read(ResultSet rs) throws SQLException {
        return new CubeSums(rs.getLong("cases"), rs.getLong("eligible"), rs.getLong("eligible_grouped"), rs.getLong("grouped"),
                rs.getLong("deaths"), rs.getLong("weighted"), amount(rs, "rw_sum"), rs.getLong("cost_cases"),
                amount(rs, "cost_sum"), rs.getLong("los_cases"), rs.getLong("los_sum"), rs.getLong("cost_ratio_cases"),
                rs.getDouble("cost_ratio_sum"), rs.getLong("los_ratio_cases"), rs.getDouble("los_ratio_sum"),
                rs.getLong("risk1_cases"), rs.getLong("risk1_deaths"), rs.getLong("risk2_cases"), rs.getLong("risk2_deaths"),
                rs.getLong("priced"), rs.getLong("high_outliers"), rs.getLong("low_outliers"), rs.getLong("paid_cases"),
                amount(rs, "paid_cost_sum"), amount(rs, "expected_payment_sum"), amount(rs, "profit_loss_sum"));
    }

    /** The sums of both sets (re-aggregation, as a client of the API would do it). */
    public CubeSums plus(CubeSums o) {
        return new CubeSums(cases + o.cases, eligible + o.eligible, eligibleGrouped + o.eligibleGrouped, grouped + o.grouped,
                deaths + o.deaths, weighted + o.weighted, rwSum.add(o.rwSum), costCases + o.costCases, costSum.add(o.costSum),
                losCases + o.losCases, losSum + o.losSum, costRatioCases + o.costRatioCases, costRatioSum + o.costRatioSum,
                losRatioCases + o.losRatioCases, losRatioSum + o.losRatioSum, risk1Cases + o.risk1Cases,
                risk1Deaths + o.risk1Deaths, risk2Cases + o.risk2Cases, risk2Deaths + o.risk2Deaths, priced + o.priced,
                highOutliers + o.highOutliers, lowOutliers + o.lowOutliers, paidCases + o.paidCases,
                paidCostSum.add(o.paidCostSum), expectedPaymentSum.add(o.expectedPaymentSum), profitLossSum.add(o.profitLossSum));
    }

    private static BigDecimal amount(ResultSet rs, String column) throws SQLException {
        BigDecimal v = rs.getBigDecimal(column);
        return v == null ? BigDecimal.ZERO : v.stripTrailingZeros().scale() < 0 ? v.setScale(0) : v.stripTrailingZeros();
    }
}
