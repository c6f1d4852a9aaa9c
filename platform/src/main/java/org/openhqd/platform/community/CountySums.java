package org.openhqd.platform.community;

import java.math.BigDecimal;
import java.util.Set;
import org.openhqd.platform.outpatient.MonthlyVisits;

/**
 * The counts and sums the computed indicators divide, for one period (a year or a month); kept
 * apart so every value shows its numerator and denominator.
 */
final class CountySums {

    BigDecimal fundAll = BigDecimal.ZERO;
    BigDecimal fundInCounty = BigDecimal.ZERO;
    BigDecimal fundPrimary = BigDecimal.ZERO;
    long inpatientAll;
    long inpatientInCounty;
    BigDecimal inpatientInCountyCost = BigDecimal.ZERO;
    long casesAll;
    long casesInCounty;
    long visitsAll;
    long visitsPrimary;
    long visitsTcm;

    void add(SpendCell c, Set<Long> primaryInstitutions) {
        fundAll = fundAll.add(c.fund());
        casesAll += c.cases();
        if (c.visitType() == VisitType.INPATIENT) {
            inpatientAll += c.cases();
        }
        if (!c.inCounty()) {
            return;
        }
        fundInCounty = fundInCounty.add(c.fund());
        casesInCounty += c.cases();
        if (c.visitType() == VisitType.INPATIENT) {
            inpatientInCounty += c.cases();
            inpatientInCountyCost = inpatientInCountyCost.add(c.cost());
        }
        if (c.institutionId() != null && primaryInstitutions.contains(c.institutionId())) {
            fundPrimary = fundPrimary.add(c.fund());
        }
    }

    /** Visits at institutions of the community only (the scope of the read already ensures it). */
    void add(MonthlyVisits v, Set<Long> primaryInstitutions) {
        visitsAll += v.visits();
        if (primaryInstitutions.contains(v.institutionId())) {
            visitsPrimary += v.visits();
        }
        if (v.departmentCode().startsWith("50")) { // 诊疗科目代码 50: 中医科
            visitsTcm += v.visits();
        }
    }

    /** Numerator and denominator of a computed indicator, by its key in the definitions. */
    double[] parts(String key) {
        return switch (key) {
            case "primaryVisitShare" -> new double[] {visitsPrimary, visitsAll, 100};
            case "inCountyFundShare" -> new double[] {fundInCounty.doubleValue(), fundAll.doubleValue(), 100};
            case "primaryFundShare" -> new double[] {fundPrimary.doubleValue(), fundInCounty.doubleValue(), 100};
            case "inCountyInpatientCost" -> new double[] {inpatientInCountyCost.doubleValue(), inpatientInCounty, 1};
            case "inCountyInpatientShare" -> new double[] {inpatientInCounty, inpatientAll, 100};
            case "tcmVisitShare" -> new double[] {visitsTcm, visitsAll, 100};
            case "inCountyCaseShare" -> new double[] {casesInCounty, casesAll, 100};
            default -> throw new IllegalStateException("no computation for indicator key " + key);
        };
    }

}
