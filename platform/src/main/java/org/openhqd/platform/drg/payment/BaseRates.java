package org.openhqd.platform.drg.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.openhqd.platform.drg.DrgPaymentSettings;

/**
 * The base rates (费率, yuan per weight) a year's cases are settled at, per insurance kind. A rate
 * the community did not enter is estimated as the active set's reference cost × the settings'
 * ratio (by default the rate at which a case of average cost breaks even) and marked as estimated;
 * without a reference cost it stays unknown and its cases get no payment figures.
 */
record BaseRates(BigDecimal employee, BigDecimal resident, BigDecimal other, boolean employeeEstimated,
                 boolean residentEstimated, boolean otherEstimated) {

    static BaseRates of(DrgPaymentSettings s, BigDecimal referenceCost) {
        BigDecimal estimate = referenceCost == null ? null
                : referenceCost.multiply(s.unsetRateRatio()).setScale(2, RoundingMode.HALF_UP);
        return new BaseRates(s.rateEmployee() != null ? s.rateEmployee() : estimate,
                s.rateResident() != null ? s.rateResident() : estimate, s.rateOther() != null ? s.rateOther() : estimate,
                s.rateEmployee() == null, s.rateResident() == null, s.rateOther() == null);
    }

    BigDecimal of(InsuranceKind kind) {
        return switch (kind) {
            case EMPLOYEE -> employee;
            case RESIDENT -> resident;
            case OTHER -> other;
        };
    }

    boolean anyEstimated() {
        return employeeEstimated || residentEstimated || otherEstimated;
    }
}
