package org.openhqd.platform.drg.payment;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import org.openhqd.platform.drg.DrgPaymentSettings;
import org.openhqd.platform.drg.DrgPaymentSettings.Origin;
import org.openhqd.platform.drg.DrgPaymentSettings.OutlierRule;

/**
 * A year's payment settings as a user sends them (API JSON or the console form). A rate left out
 * is estimated; a threshold or rule left out takes the shipped default.
 */
record PaymentSettingsRequest(Integer year, BigDecimal rateEmployee, BigDecimal rateResident, BigDecimal rateOther,
                              BigDecimal lowRatio, BigDecimal tier1MaxRw, BigDecimal tier2MaxRw, BigDecimal highMultiple1,
                              BigDecimal highMultiple2, BigDecimal highMultiple3, String highRule, BigDecimal highExtraRatio,
                              String lowRule) {

    DrgPaymentSettings toSettings(PaymentDefaults defaults) {
        if (year == null) {
            throw PaymentRequestException.of("year", "请填写年度", "the year is required");
        }
        DrgPaymentSettings d = defaults.settings(year);
        return new DrgPaymentSettings(year, Origin.SAVED, year, rateEmployee, rateResident, rateOther, d.unsetRateRatio(),
                or(lowRatio, d.lowRatio()), or(tier1MaxRw, d.tier1MaxRw()), or(tier2MaxRw, d.tier2MaxRw()),
                or(highMultiple1, d.highMultiple1()), or(highMultiple2, d.highMultiple2()), or(highMultiple3, d.highMultiple3()),
                rule("highRule", highRule, d.highRule()), or(highExtraRatio, d.highExtraRatio()), rule("lowRule", lowRule, d.lowRule()));
    }

    /** Reads the console form: fields by name, numbers as text. */
    static PaymentSettingsRequest fromForm(Map<String, String> f) {
        BigDecimal year = number(f, "year");
        Integer y;
        try {
            y = year == null ? null : year.intValueExact();
        } catch (ArithmeticException e) {
            throw PaymentRequestException.of("year", "应为整数", "expected a whole number");
        }
        return new PaymentSettingsRequest(y, number(f, "rateEmployee"), number(f, "rateResident"), number(f, "rateOther"),
                number(f, "lowRatio"), number(f, "tier1MaxRw"), number(f, "tier2MaxRw"), number(f, "highMultiple1"),
                number(f, "highMultiple2"), number(f, "highMultiple3"), f.get("highRule"), number(f, "highExtraRatio"),
                f.get("lowRule"));
    }

    private static BigDecimal number(Map<String, String> f, String field) {
        String v = f.get(field);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(v.strip());
        } catch (NumberFormatException e) {
            throw PaymentRequestException.of(field, "应为数字，实际为 “" + cut(v) + "”", "expected a number, found \"" + cut(v) + "\"");
        }
    }

    private static <T> T or(T v, T fallback) {
        return v == null ? fallback : v;
    }

    private static OutlierRule rule(String field, String v, OutlierRule fallback) {
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return OutlierRule.valueOf(v.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw PaymentRequestException.of(field, "应为 RATIO（按公式）或 ITEMS（按项目）", "must be RATIO or ITEMS");
        }
    }

    private static String cut(String s) {
        String v = s.strip();
        return v.length() <= 20 ? v : v.substring(0, 20) + "…";
    }
}
