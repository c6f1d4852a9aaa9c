package org.openhqd.platform.community;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openhqd.platform.community.PaymentRules.BudgetRule;
import org.openhqd.platform.community.PaymentRules.DistributionRule;
import org.openhqd.platform.community.PaymentRules.RetentionRule;

/**
 * Reads the console's settings form: the year's fields by name, and per member
 * {@code population_<id>}, {@code score_<id>}, {@code fixed_<id>}. A value that is not a number is
 * reported with its field; the rest is checked by {@link PaymentSettings#check()}.
 */
final class PaymentSettingsForm {

    private PaymentSettingsForm() {
    }

    static PaymentSettings read(Map<String, String> f, List<CommunityMembers.Member> members) {
        List<MemberKey> keys = new ArrayList<>();
        for (CommunityMembers.Member m : members) {
            BigDecimal population = number(f, "population_" + m.id());
            BigDecimal score = number(f, "score_" + m.id());
            BigDecimal fixed = number(f, "fixed_" + m.id());
            if (population != null || score != null || fixed != null) {
                keys.add(new MemberKey(m.id(), population == null ? 0 : whole("population_" + m.id(), population),
                        score == null ? BigDecimal.ZERO : score, fixed == null ? BigDecimal.ZERO : fixed));
            }
        }
        BigDecimal year = number(f, "year");
        BigDecimal population = number(f, "insuredPopulation");
        return new PaymentSettings(year == null ? 0 : whole("year", year), rule(BudgetRule.class, f, "budgetRule"),
                number(f, "budgetAmount"), population == null ? null : whole("insuredPopulation", population),
                number(f, "perCapitaAmount"), number(f, "riskReservePct"), number(f, "criticalIllnessPremium"),
                number(f, "carveOuts"), number(f, "communitySharePct"), number(f, "auditDeduction"),
                rule(RetentionRule.class, f, "retentionRule"), number(f, "assessmentScore"), number(f, "retentionFullScore"),
                number(f, "retentionFloorScore"), number(f, "retentionCapPct"), number(f, "overspendBandPct"),
                number(f, "insurerSharePct"), rule(DistributionRule.class, f, "distributionRule"), number(f, "weightWorkloadPct"),
                number(f, "weightPopulationPct"), number(f, "weightScorePct"), number(f, "primaryMinPct"), keys);
    }

    private static BigDecimal number(Map<String, String> f, String field) {
        String v = f.get(field);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(v.strip());
        } catch (NumberFormatException e) {
            throw PaymentSettings.invalid(field, "应为数字，实际为 “" + v.strip() + "”", "expected a number, found \"" + v.strip() + "\"");
        }
    }

    private static int whole(String field, BigDecimal v) {
        try {
            return v.intValueExact();
        } catch (ArithmeticException e) {
            throw PaymentSettings.invalid(field, "应为整数", "expected a whole number");
        }
    }

    private static <E extends Enum<E>> E rule(Class<E> type, Map<String, String> f, String field) {
        String v = f.get(field);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, v.strip());
        } catch (IllegalArgumentException e) {
            throw PaymentSettings.invalid(field, "未知规则 " + v.strip(), "unknown rule " + v.strip());
        }
    }
}
