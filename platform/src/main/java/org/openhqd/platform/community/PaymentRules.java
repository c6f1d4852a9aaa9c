package org.openhqd.platform.community;

/** The rule types of the bundled payment; each takes its parameters from {@link PaymentSettings}. */
public final class PaymentRules {

    private PaymentRules() {
    }

    /** How the year's package budget (打包预算) is set. */
    public enum BudgetRule {
        /** an agreed amount (e.g. last year's spend × (1 + growth)) */
        FIXED,
        /** insured population × per-capita contribution − risk reserve − critical-illness premium − carve-outs, × community share */
        PER_CAPITA
    }

    /** How much of a surplus the community keeps (结余留用). */
    public enum RetentionRule {
        /** all of it */
        FULL,
        /** all at or above the full score, score ÷ full score between the floor and the full score, none below the floor */
        SCORE_SCALED
    }

    /** How the retained surplus or the community's part of an overspend is split between the member institutions. */
    public enum DistributionRule {
        /** weighted keys: workload (fund payments earned), attributed population, assessment score */
        WEIGHTED_KEYS,
        /** agreed fixed percentages per member */
        FIXED_SHARES
    }
}
