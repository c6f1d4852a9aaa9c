package org.openhqd.platform.drg;

import java.math.BigDecimal;

/**
 * One DRG's figures in a weight set (权重集): its relative weight, the benchmarks the consumption
 * indices and outlier thresholds compare with, and its mortality risk level.
 *
 * @param drg DRG code
 * @param adrg its ADRG (null in an official table that does not say)
 * @param rw relative weight (权重); null when the DRG had too few cases to weigh (flagged)
 * @param benchmarkCost 基准例均费用, yuan (null when unknown)
 * @param benchmarkLos 基准平均住院日, days (null when unknown)
 * @param casesTotal cases of the DRG in the reference population (0 for an official table)
 * @param casesUsed cases its figures were computed from (after trimming; the ADRG's for a pooled DRG)
 * @param casesTrimmed cases left out as outliers (cost outside the bounds, or stay above the limit)
 * @param deaths deaths among its cases
 * @param mortality deaths ÷ cases (null when unknown)
 * @param riskLevel 0 no deaths, 1 低风险, 2 中低风险, 3 中高风险, 4 高风险; null when unknown
 * @param basis where the weight comes from
 */
public record WeightRow(String drg, String adrg, BigDecimal rw, BigDecimal benchmarkCost, BigDecimal benchmarkLos,
                        int casesTotal, int casesUsed, int casesTrimmed, int deaths, BigDecimal mortality, Integer riskLevel,
                        Basis basis) {

    /** Where a weight comes from. */
    public enum Basis {
        /** The DRG's own cases. */
        DRG,
        /** Too few own cases: the pooled cases of its ADRG. */
        ADRG,
        /** Too few cases even in the ADRG: no weight (flagged). */
        NONE,
        /** The insurer's published table. */
        OFFICIAL
    }

    /** Whether the DRG had too few cases to be weighed. */
    public boolean tooFew() {
        return basis == Basis.NONE;
    }
}
