package org.openhqd.platform.community;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openhqd.platform.community.PaymentRules.BudgetRule;
import org.openhqd.platform.community.PaymentRules.DistributionRule;
import org.openhqd.platform.community.PaymentRules.RetentionRule;

/**
 * The year-end clearing of the bundled payment (医保打包付费) and its internal distribution, as a
 * calculation sheet: every line is computed from the lines above and the settings, rounded to the
 * fen, and carries its formula with the actual numbers. Pure computation: the same inputs always
 * give the same sheet.
 *
 * <ol>
 *   <li>budget (FIXED, or PER_CAPITA: income − risk reserve − critical-illness premium − carve-outs, × community share);</li>
 *   <li>actual spend = fund payments at members + other in-county providers + outside the county;</li>
 *   <li>balance = budget − actual spend − audit deduction (违规扣款 comes off before any split);</li>
 *   <li>surplus (结余留用): retained = balance × retention factor (capped), the rest returns to the fund;
 *       overspend (合理超支分担): the part up to the band (% of budget) is reasonable and the fund bears its
 *       share of it; the community bears the rest and everything beyond the band;</li>
 *   <li>the retained surplus, or the overspend the community bears, is split between members by the
 *       distribution rule; a surplus guarantees primary members their minimum share.</li>
 * </ol>
 */
final class BundledPaymentSimulation {

    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final MathContext EXACT = MathContext.DECIMAL128;

    private BundledPaymentSimulation() {
    }

    static PaymentCalculation calculate(PaymentSettings s, List<SpendCell> cells, List<CommunityMembers.Member> members,
                                        Map<Long, CommunityMembers.Member> memberOf) {
        List<CalculationStep> steps = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<Long, BigDecimal> workload = new LinkedHashMap<>();
        members.forEach(m -> workload.put(m.id(), BigDecimal.ZERO.setScale(2)));
        BigDecimal memberIn = zero();
        BigDecimal memberOut = zero();
        BigDecimal otherInCounty = zero();
        BigDecimal outside = zero();
        for (SpendCell c : cells) {
            if (c.institutionId() != null) {
                CommunityMembers.Member m = memberOf.get(c.institutionId());
                workload.merge(m.id(), c.fund(), BigDecimal::add);
                if (c.visitType() == VisitType.INPATIENT) {
                    memberIn = memberIn.add(c.fund());
                } else {
                    memberOut = memberOut.add(c.fund());
                }
            } else if (c.inCounty()) {
                otherInCounty = otherInCounty.add(c.fund());
            } else {
                outside = outside.add(c.fund());
            }
        }

        BigDecimal budget = s == null ? null : budget(s, steps);
        BigDecimal memberSpend = memberIn.add(memberOut);
        steps.add(new CalculationStep("memberSpend", "住院 inpatient " + memberIn + " + 门诊 outpatient " + memberOut, memberSpend));
        steps.add(new CalculationStep("otherInCountySpend", "Σ", otherInCounty));
        steps.add(new CalculationStep("outOfCountySpend", "Σ", outside));
        BigDecimal actual = memberSpend.add(otherInCounty).add(outside);
        steps.add(new CalculationStep("actualSpend", memberSpend + " + " + otherInCounty + " + " + outside, actual));
        if (s == null) {
            return new PaymentCalculation("NO_SETTINGS", List.of(), steps, Map.of(), null, List.of());
        }
        steps.add(new CalculationStep("auditDeduction", "", s.auditDeduction().setScale(2, RoundingMode.HALF_UP)));
        BigDecimal balance = budget.subtract(actual).subtract(s.auditDeduction()).setScale(2, RoundingMode.HALF_UP);
        steps.add(new CalculationStep("balance", budget + " − " + actual + " − " + s.auditDeduction().setScale(2, RoundingMode.HALF_UP),
                balance));

        BigDecimal distributable = balance.signum() >= 0 ? retained(s, budget, balance, steps) : communityBears(s, budget, balance, steps);
        steps.add(new CalculationStep("distributable", distributable.signum() >= 0 ? "retained" : "− communityBears", distributable));

        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        List<MemberShare> shares = distribute(s, distributable, members, workload, totals, problems);
        return new PaymentCalculation(problems.isEmpty() ? "COMPLETE" : "INCOMPLETE", problems, steps, totals, distributable, shares);
    }

    private static BigDecimal budget(PaymentSettings s, List<CalculationStep> steps) {
        if (s.budgetRule() == BudgetRule.FIXED) {
            BigDecimal b = money(s.budgetAmount());
            steps.add(new CalculationStep("budget", "FIXED", b));
            return b;
        }
        BigDecimal income = money(s.perCapitaAmount().multiply(BigDecimal.valueOf(s.insuredPopulation())));
        steps.add(new CalculationStep("pooledIncome", s.insuredPopulation() + " × " + money(s.perCapitaAmount()), income));
        BigDecimal reserve = money(pct(income, s.riskReservePct()));
        steps.add(new CalculationStep("riskReserve", income + " × " + s.riskReservePct().stripTrailingZeros().toPlainString() + "%", reserve));
        steps.add(new CalculationStep("criticalIllnessPremium", "", money(s.criticalIllnessPremium())));
        steps.add(new CalculationStep("carveOuts", "", money(s.carveOuts())));
        BigDecimal available = income.subtract(reserve).subtract(money(s.criticalIllnessPremium())).subtract(money(s.carveOuts()));
        steps.add(new CalculationStep("availableFund", income + " − " + reserve + " − " + money(s.criticalIllnessPremium()) + " − "
                + money(s.carveOuts()), available));
        BigDecimal b = money(pct(available, s.communitySharePct()));
        steps.add(new CalculationStep("budget", available + " × " + s.communitySharePct().stripTrailingZeros().toPlainString() + "%", b));
        return b;
    }

    private static BigDecimal retained(PaymentSettings s, BigDecimal budget, BigDecimal balance, List<CalculationStep> steps) {
        BigDecimal factor;
        String why;
        if (s.retentionRule() == RetentionRule.FULL) {
            factor = BigDecimal.ONE;
            why = "FULL";
        } else if (s.assessmentScore().compareTo(s.retentionFullScore()) >= 0) {
            factor = BigDecimal.ONE;
            why = "score " + plain(s.assessmentScore()) + " ≥ " + plain(s.retentionFullScore());
        } else if (s.assessmentScore().compareTo(s.retentionFloorScore()) < 0) {
            factor = BigDecimal.ZERO;
            why = "score " + plain(s.assessmentScore()) + " < " + plain(s.retentionFloorScore());
        } else {
            factor = s.assessmentScore().divide(s.retentionFullScore(), EXACT);
            why = "score " + plain(s.assessmentScore()) + " ÷ " + plain(s.retentionFullScore());
        }
        steps.add(new CalculationStep("retentionFactor", why, factor.multiply(HUNDRED).setScale(4, RoundingMode.HALF_UP)));
        BigDecimal retained = money(balance.multiply(factor));
        String formula = balance + " × " + factor.multiply(HUNDRED).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
        if (s.retentionCapPct() != null) {
            BigDecimal cap = money(pct(budget, s.retentionCapPct()));
            steps.add(new CalculationStep("retentionCap", budget + " × " + plain(s.retentionCapPct()) + "%", cap));
            if (retained.compareTo(cap) > 0) {
                formula = "min(" + formula + ", " + cap + ")";
                retained = cap;
            }
        }
        steps.add(new CalculationStep("retained", formula, retained));
        steps.add(new CalculationStep("returnedToFund", balance + " − " + retained, balance.subtract(retained)));
        return retained;
    }

    private static BigDecimal communityBears(PaymentSettings s, BigDecimal budget, BigDecimal balance, List<CalculationStep> steps) {
        BigDecimal overspend = balance.negate();
        steps.add(new CalculationStep("overspend", "− (" + balance + ")", overspend));
        BigDecimal band = money(pct(budget, s.overspendBandPct()));
        steps.add(new CalculationStep("reasonableBand", budget + " × " + plain(s.overspendBandPct()) + "%", band));
        BigDecimal reasonable = overspend.min(band);
        steps.add(new CalculationStep("reasonableOverspend", "min(" + overspend + ", " + band + ")", reasonable));
        BigDecimal beyond = overspend.subtract(reasonable);
        steps.add(new CalculationStep("unreasonableOverspend", overspend + " − " + reasonable, beyond));
        BigDecimal fund = money(pct(reasonable, s.insurerSharePct()));
        steps.add(new CalculationStep("fundBears", reasonable + " × " + plain(s.insurerSharePct()) + "%", fund));
        BigDecimal community = overspend.subtract(fund);
        steps.add(new CalculationStep("communityBears", "(" + reasonable + " − " + fund + ") + " + beyond, community));
        return community.negate();
    }

    private static List<MemberShare> distribute(PaymentSettings s, BigDecimal amount, List<CommunityMembers.Member> members,
                                                Map<Long, BigDecimal> workload, Map<String, BigDecimal> totals,
                                                List<String> problems) {
        Map<Long, MemberKey> keys = new LinkedHashMap<>();
        s.members().forEach(k -> keys.put(k.institutionId(), k));
        MemberKey none = new MemberKey(0, 0, BigDecimal.ZERO, BigDecimal.ZERO);
        BigDecimal totalWorkload = workload.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal totalPopulation = BigDecimal.valueOf(members.stream()
                .mapToLong(m -> keys.getOrDefault(m.id(), none).attributedPopulation()).sum());
        BigDecimal totalScore = members.stream().map(m -> keys.getOrDefault(m.id(), none).assessmentScore())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        totals.put("workload", totalWorkload);
        totals.put("population", totalPopulation);
        totals.put("score", totalScore);

        Map<Long, BigDecimal> weight = new LinkedHashMap<>();
        Map<Long, String> formula = new LinkedHashMap<>();
        if (s.distributionRule() == DistributionRule.FIXED_SHARES) {
            for (CommunityMembers.Member m : members) {
                BigDecimal f = keys.getOrDefault(m.id(), none).fixedSharePct();
                weight.put(m.id(), f.divide(HUNDRED, EXACT));
                formula.put(m.id(), "FIXED " + plain(f) + "%");
            }
        } else {
            Object[][] parts = {{"workload", s.weightWorkloadPct(), totalWorkload}, {"population", s.weightPopulationPct(), totalPopulation},
                {"score", s.weightScorePct(), totalScore}};
            for (Object[] p : parts) {
                if (((BigDecimal) p[1]).signum() > 0 && ((BigDecimal) p[2]).signum() == 0) {
                    problems.add("分配键 " + p[0] + " 有权重但所有成员均为 0，请填写 / the key " + p[0]
                            + " has a weight but is zero for every member: fill it in");
                }
            }
            if (!problems.isEmpty()) {
                return List.of();
            }
            for (CommunityMembers.Member m : members) {
                MemberKey k = keys.getOrDefault(m.id(), none);
                BigDecimal[] values = {workload.get(m.id()), BigDecimal.valueOf(k.attributedPopulation()), k.assessmentScore()};
                BigDecimal w = BigDecimal.ZERO;
                StringBuilder f = new StringBuilder();
                for (int i = 0; i < parts.length; i++) {
                    BigDecimal pctWeight = (BigDecimal) parts[i][1];
                    if (pctWeight.signum() == 0) {
                        continue;
                    }
                    w = w.add(pctWeight.divide(HUNDRED, EXACT).multiply(values[i].divide((BigDecimal) parts[i][2], EXACT), EXACT), EXACT);
                    f.append(f.isEmpty() ? "" : " + ").append(parts[i][0]).append(' ').append(plain(pctWeight)).append("% × ")
                            .append(plain(values[i])).append('/').append(plain((BigDecimal) parts[i][2]));
                }
                weight.put(m.id(), w);
                formula.put(m.id(), f.toString());
            }
        }
        if (amount.signum() > 0 && s.primaryMinPct().signum() > 0) {
            guaranteePrimaryMinimum(s.primaryMinPct().divide(HUNDRED, EXACT), members, weight, formula);
        }
        Map<Long, BigDecimal> amounts = allocate(amount, weight);
        List<MemberShare> out = new ArrayList<>();
        for (CommunityMembers.Member m : members) {
            MemberKey k = keys.getOrDefault(m.id(), none);
            BigDecimal sharePct = weight.get(m.id()).multiply(HUNDRED).setScale(4, RoundingMode.HALF_UP);
            out.add(new MemberShare(m.id(), m.code(), m.name(), m.primary(), workload.get(m.id()), k.attributedPopulation(),
                    k.assessmentScore(), k.fixedSharePct(), sharePct, amounts.get(m.id()),
                    formula.get(m.id()) + " = " + sharePct.toPlainString() + "%; " + amount + " × " + sharePct.toPlainString() + "% = "
                            + amounts.get(m.id())));
        }
        return out;
    }

    /**
     * Primary members together get at least the minimum share of a surplus: when the keys give them
     * less, their shares are scaled up to it (equal parts if they have none) and the others' scaled down.
     */
    private static void guaranteePrimaryMinimum(BigDecimal minimum, List<CommunityMembers.Member> members, Map<Long, BigDecimal> weight,
                                                Map<Long, String> formula) {
        List<CommunityMembers.Member> primary = members.stream().filter(CommunityMembers.Member::primary).toList();
        BigDecimal p = primary.stream().map(m -> weight.get(m.id())).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (primary.isEmpty() || p.compareTo(minimum) >= 0) {
            return;
        }
        BigDecimal others = BigDecimal.ONE.subtract(p);
        for (CommunityMembers.Member m : members) {
            BigDecimal w = weight.get(m.id());
            BigDecimal adjusted;
            if (m.primary()) {
                adjusted = p.signum() == 0 ? minimum.divide(BigDecimal.valueOf(primary.size()), EXACT) : w.multiply(minimum).divide(p, EXACT);
            } else {
                adjusted = others.signum() == 0 ? BigDecimal.ZERO : w.multiply(BigDecimal.ONE.subtract(minimum)).divide(others, EXACT);
            }
            weight.put(m.id(), adjusted);
            formula.put(m.id(), "(" + formula.get(m.id()) + ") → primary minimum " + plain(minimum.multiply(HUNDRED)) + "% (primary Σ "
                    + p.multiply(HUNDRED).setScale(4, RoundingMode.HALF_UP).toPlainString() + "%)");
        }
    }

    /** Splits the amount by the weights to the fen; the fen left by rounding go to the largest remainders, so the parts add up exactly. */
    static Map<Long, BigDecimal> allocate(BigDecimal amount, Map<Long, BigDecimal> weight) {
        long totalFen = amount.abs().movePointRight(2).longValueExact();
        Map<Long, Long> fen = new LinkedHashMap<>();
        Map<Long, BigDecimal> remainder = new LinkedHashMap<>();
        long given = 0;
        for (var e : weight.entrySet()) {
            BigDecimal exact = e.getValue().multiply(BigDecimal.valueOf(totalFen), EXACT);
            long floor = exact.setScale(0, RoundingMode.FLOOR).longValueExact();
            fen.put(e.getKey(), floor);
            remainder.put(e.getKey(), exact.subtract(BigDecimal.valueOf(floor)));
            given += floor;
        }
        List<Long> order = remainder.entrySet().stream()
                .sorted(Map.Entry.<Long, BigDecimal>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        for (int i = 0; i < totalFen - given && i < order.size(); i++) {
            fen.merge(order.get(i), 1L, Long::sum);
        }
        Map<Long, BigDecimal> out = new LinkedHashMap<>();
        fen.forEach((id, f) -> out.put(id, BigDecimal.valueOf(amount.signum() < 0 ? -f : f).movePointLeft(2).setScale(2)));
        return out;
    }

    private static BigDecimal pct(BigDecimal v, BigDecimal percent) {
        return v.multiply(percent).divide(HUNDRED, EXACT);
    }

    private static BigDecimal money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
