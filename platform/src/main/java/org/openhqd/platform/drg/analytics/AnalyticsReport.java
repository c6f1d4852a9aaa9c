package org.openhqd.platform.drg.analytics;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The DRG indicators of a period for one dimension under the drill-down filters: a row per key,
 * the total over all of them (computed from the cube, not by adding rows: the DRG count is not
 * additive), the monthly trend under the same filters, and when the figures were summed.
 *
 * @param builtAt when the cube of the institutions in scope was last rebuilt (null: never)
 * @param note that the figures are estimates and not for individual performance pay ({@link #NOTE})
 */
public record AnalyticsReport(String definitionsVersion, String from, String to, String dimension, Long institution,
                              String department, String doctor, String drg, List<AnalyticsRow> rows, AnalyticsRow total,
                              List<AnalyticsRow> trend, OffsetDateTime builtAt, String note) {

    /** What the figures are: estimates with the hospital's own weights and settings, not for individual pay. */
    public static final String NOTE = "CMI、消耗指数、风险组死亡率、倍率与盈亏为按本院权重方案和支付设置计算的估算值，"
            + "不是医保结算或卫生健康部门反馈的官方值；按国家医保局2024年通知，不得作为医生个人费用控制指标或个人绩效分配依据。";
}
