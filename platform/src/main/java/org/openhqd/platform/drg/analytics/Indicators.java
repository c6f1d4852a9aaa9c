package org.openhqd.platform.drg.analytics;

import java.math.BigDecimal;

/**
 * The figures of one report row, computed from its {@link CubeSums} by the definitions of
 * {@code indicators/drg-analytics.tsv} (keys as there). Percentages are in per cent.
 */
public record Indicators(Ratio groupingRate, long drgCount, BigDecimal totalWeight, Ratio cmi, Ratio costIndex,
                         Ratio timeIndex, Ratio lowRiskMortality, Ratio lowMidRiskMortality, Ratio highOutlierShare,
                         Ratio lowOutlierShare, BigDecimal profitLoss, BigDecimal expectedPayment, BigDecimal totalCost,
                         Ratio costPerCase, Ratio meanLos) {

    static Indicators of(CubeSums s, long drgCount) {
        return new Indicators(
                Ratio.percent(s.eligibleGrouped(), s.eligible()),       // D01 入组率
                drgCount,                                               // D02 DRG组数
                s.rwSum(),                                              // D04 总权重数
                Ratio.of(s.rwSum().doubleValue(), s.weighted()),        // D05 CMI
                Ratio.of(s.costRatioSum(), s.costRatioCases()),         // D06 费用消耗指数
                Ratio.of(s.losRatioSum(), s.losRatioCases()),           // D07 时间消耗指数
                Ratio.percent(s.risk1Deaths(), s.risk1Cases()),         // D08 低风险组病例死亡率
                Ratio.percent(s.risk2Deaths(), s.risk2Cases()),         // D09 中低风险组病例死亡率
                Ratio.percent(s.highOutliers(), s.priced()),            // DA01 高倍率病例占比
                Ratio.percent(s.lowOutliers(), s.priced()),             // DA02 低倍率病例占比
                s.profitLossSum(),                                      // DA03 盈亏
                s.expectedPaymentSum(),
                s.costSum(),
                Ratio.of(s.costSum().doubleValue(), s.costCases()),     // DA04 例均费用
                Ratio.of(s.losSum(), s.losCases()));                    // DA05 平均住院日
    }
}
