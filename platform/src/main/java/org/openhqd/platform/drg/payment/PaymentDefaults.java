package org.openhqd.platform.drg.payment;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openhqd.platform.definitions.DefinitionTable;
import org.openhqd.platform.drg.DrgPaymentSettings;
import org.openhqd.platform.drg.DrgPaymentSettings.Origin;
import org.openhqd.platform.drg.DrgPaymentSettings.OutlierRule;

/**
 * The shipped payment defaults ({@value #RESOURCE}): thresholds and settlement rules used for a year
 * a community has not set, the estimate ratio for an empty base rate, and which imported insurance
 * types are settled at the employee and resident rates.
 */
final class PaymentDefaults {

    static final String RESOURCE = "org/openhqd/platform/drg/payment/payment-defaults.tsv";
    static final String HEADER = "version\tkey\tvalue\tmeaning";

    private final Map<String, String> values = new HashMap<>();
    private final String version;

    private PaymentDefaults(List<String[]> rows) {
        for (String[] r : rows) {
            values.put(r[1], r[2]);
        }
        version = rows.get(0)[0];
    }

    static PaymentDefaults load() {
        return new PaymentDefaults(DefinitionTable.rows(RESOURCE, HEADER));
    }

    String version() {
        return version;
    }

    /** The defaults as the settings of a year (no rates: they are estimated). */
    DrgPaymentSettings settings(int year) {
        return new DrgPaymentSettings(year, Origin.DEFAULT, null, null, null, null, unsetRateRatio(), number("low_ratio"),
                number("tier1_max_rw"), number("tier2_max_rw"), number("high_multiple1"), number("high_multiple2"),
                number("high_multiple3"), OutlierRule.valueOf(values.get("high_rule")), number("high_extra_ratio"),
                OutlierRule.valueOf(values.get("low_rule")));
    }

    BigDecimal unsetRateRatio() {
        return number("unset_rate_ratio");
    }

    /** The imported insurance types (upper case) settled at a kind's rate. */
    List<String> aliases(InsuranceKind kind) {
        String v = values.get("insurance." + kind.name());
        return v == null ? List.of() : Arrays.stream(v.split("\\|")).map(s -> s.strip().toUpperCase(Locale.ROOT)).toList();
    }

    InsuranceKind kindOf(String insuranceType) {
        if (insuranceType == null) {
            return InsuranceKind.OTHER;
        }
        String t = insuranceType.strip().toUpperCase(Locale.ROOT);
        for (InsuranceKind k : List.of(InsuranceKind.EMPLOYEE, InsuranceKind.RESIDENT)) {
            if (aliases(k).contains(t)) {
                return k;
            }
        }
        return InsuranceKind.OTHER;
    }

    private BigDecimal number(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalStateException(RESOURCE + ": " + key + " missing");
        }
        return new BigDecimal(v);
    }
}
