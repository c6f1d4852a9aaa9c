package org.openhqd.platform.community;

import java.math.BigDecimal;
import java.util.List;
import org.openhqd.platform.community.PaymentRules.BudgetRule;
import org.openhqd.platform.community.PaymentRules.DistributionRule;
import org.openhqd.platform.community.PaymentRules.RetentionRule;

/**
 * A community's bundled-payment settings for one year: how the budget is set, the audit deduction,
 * the retention rule for a surplus, the reasonable-overspend band and the fund's share of it, and
 * the internal distribution rule with its keys. Percentages are 0–100; amounts are yuan.
 */
public record PaymentSettings(int year, BudgetRule budgetRule, BigDecimal budgetAmount, Integer insuredPopulation,
                              BigDecimal perCapitaAmount, BigDecimal riskReservePct, BigDecimal criticalIllnessPremium,
                              BigDecimal carveOuts, BigDecimal communitySharePct, BigDecimal auditDeduction,
                              RetentionRule retentionRule, BigDecimal assessmentScore, BigDecimal retentionFullScore,
                              BigDecimal retentionFloorScore, BigDecimal retentionCapPct, BigDecimal overspendBandPct,
                              BigDecimal insurerSharePct, DistributionRule distributionRule, BigDecimal weightWorkloadPct,
                              BigDecimal weightPopulationPct, BigDecimal weightScorePct, BigDecimal primaryMinPct,
                              List<MemberKey> members) {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    /** Missing optional amounts and percentages become their neutral value (0, or 100 % community share). */
    public PaymentSettings {
        riskReservePct = orZero(riskReservePct);
        criticalIllnessPremium = orZero(criticalIllnessPremium);
        carveOuts = orZero(carveOuts);
        communitySharePct = communitySharePct == null ? HUNDRED : communitySharePct;
        auditDeduction = orZero(auditDeduction);
        overspendBandPct = orZero(overspendBandPct);
        insurerSharePct = orZero(insurerSharePct);
        weightWorkloadPct = orZero(weightWorkloadPct);
        weightPopulationPct = orZero(weightPopulationPct);
        weightScorePct = orZero(weightScorePct);
        primaryMinPct = orZero(primaryMinPct);
        members = members == null ? List.of() : List.copyOf(members);
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    /**
     * Checks the settings on their own (the members' ids are checked by the store).
     *
     * @throws InvalidCommunityRequestException naming the first bad field
     */
    void check() {
        if (year < 2000 || year > 2100) {
            throw invalid("year", "年度应在 2000–2100 之间", "the year must be between 2000 and 2100");
        }
        if (budgetRule == null) {
            throw invalid("budgetRule", "请选择预算规则 FIXED 或 PER_CAPITA", "budgetRule must be FIXED or PER_CAPITA");
        }
        if (budgetRule == BudgetRule.FIXED) {
            positive("budgetAmount", budgetAmount, "预算金额", "the budget amount");
        } else {
            if (insuredPopulation == null || insuredPopulation <= 0) {
                throw invalid("insuredPopulation", "参保人数应为正整数", "the insured population must be a positive whole number");
            }
            positive("perCapitaAmount", perCapitaAmount, "人均筹资", "the per-capita amount");
        }
        notNegative("criticalIllnessPremium", criticalIllnessPremium);
        notNegative("carveOuts", carveOuts);
        notNegative("auditDeduction", auditDeduction);
        for (var p : List.of(new Object[] {"riskReservePct", riskReservePct}, new Object[] {"communitySharePct", communitySharePct},
                new Object[] {"overspendBandPct", overspendBandPct}, new Object[] {"insurerSharePct", insurerSharePct},
                new Object[] {"weightWorkloadPct", weightWorkloadPct}, new Object[] {"weightPopulationPct", weightPopulationPct},
                new Object[] {"weightScorePct", weightScorePct}, new Object[] {"primaryMinPct", primaryMinPct},
                new Object[] {"retentionCapPct", retentionCapPct})) {
            percent((String) p[0], (BigDecimal) p[1]);
        }
        if (retentionRule == null) {
            throw invalid("retentionRule", "请选择留用规则 FULL 或 SCORE_SCALED", "retentionRule must be FULL or SCORE_SCALED");
        }
        if (retentionRule == RetentionRule.SCORE_SCALED) {
            positive("retentionFullScore", retentionFullScore, "全额留用分数线", "the full-retention score");
            if (retentionFloorScore == null || retentionFloorScore.signum() < 0 || retentionFloorScore.compareTo(retentionFullScore) > 0) {
                throw invalid("retentionFloorScore", "最低分数线应在 0 与全额留用分数线之间",
                        "the floor score must be between 0 and the full-retention score");
            }
            if (assessmentScore == null || assessmentScore.signum() < 0) {
                throw invalid("assessmentScore", "请填写医共体年度考核得分", "the community's assessment score is required");
            }
        }
        if (distributionRule == null) {
            throw invalid("distributionRule", "请选择分配规则 WEIGHTED_KEYS 或 FIXED_SHARES",
                    "distributionRule must be WEIGHTED_KEYS or FIXED_SHARES");
        }
        if (distributionRule == DistributionRule.WEIGHTED_KEYS
                && weightWorkloadPct.add(weightPopulationPct).add(weightScorePct).compareTo(HUNDRED) != 0) {
            throw invalid("weightWorkloadPct", "三项权重之和应为 100", "the three weights must add up to 100");
        }
        for (MemberKey m : members) {
            if (m.attributedPopulation() < 0) {
                throw invalid("members.attributedPopulation", "服务人口不能为负", "the attributed population cannot be negative");
            }
            notNegative("members.assessmentScore", m.assessmentScore());
            percent("members.fixedSharePct", m.fixedSharePct());
        }
        if (distributionRule == DistributionRule.FIXED_SHARES && members.stream().map(MemberKey::fixedSharePct)
                .reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(HUNDRED) != 0) {
            throw invalid("members.fixedSharePct", "各成员固定比例之和应为 100", "the members' fixed shares must add up to 100");
        }
    }

    private static void positive(String field, BigDecimal v, String zh, String en) {
        if (v == null || v.signum() <= 0) {
            throw invalid(field, zh + "应大于 0", en + " must be greater than 0");
        }
    }

    private static void notNegative(String field, BigDecimal v) {
        if (v == null || v.signum() < 0) {
            throw invalid(field, "不能为空或负数", "must be given and not negative");
        }
    }

    private static void percent(String field, BigDecimal v) {
        if (v != null && (v.signum() < 0 || v.compareTo(HUNDRED) > 0)) {
            throw invalid(field, "百分比应在 0–100 之间", "a percentage must be between 0 and 100");
        }
    }

    static InvalidCommunityRequestException invalid(String field, String zh, String en) {
        return new InvalidCommunityRequestException(field, field + "：" + zh + " / " + field + ": " + en);
    }
}
