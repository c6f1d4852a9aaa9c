package org.openhqd.platform.drg.payment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.openhqd.platform.drg.DrgPaymentSettings;
import org.openhqd.platform.drg.DrgPaymentSettings.Origin;
import org.openhqd.platform.drg.DrgPaymentSettings.OutlierRule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A community's payment settings per discharge year (drg_payment_settings). The settings of a year
 * are the year's own, else the latest earlier year's, else the shipped defaults — the usual case of
 * an insurer that keeps last year's rates until it publishes new ones.
 */
@Component
class DrgPaymentSettingsStore {

    private final JdbcClient jdbc;
    private final PaymentDefaults defaults = PaymentDefaults.load();
    private final Clock clock;

    DrgPaymentSettingsStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    PaymentDefaults defaults() {
        return defaults;
    }

    /** The settings that apply to a year's discharges; {@code year} null: the latest saved, else the defaults. */
    DrgPaymentSettings effective(long communityId, Integer year) {
        Optional<DrgPaymentSettings> saved = jdbc.sql("SELECT * FROM drg_payment_settings WHERE community_id = :c"
                        + (year == null ? "" : " AND settle_year <= :y") + " ORDER BY settle_year DESC LIMIT 1")
                .param("c", communityId).param("y", year == null ? 0 : year)
                .query((rs, n) -> read(rs, year)).optional();
        int y = year == null ? saved.map(DrgPaymentSettings::year).orElse(0) : year;
        return saved.orElseGet(() -> defaults.settings(y));
    }

    /** The years the community has saved settings for, newest first. */
    List<Integer> savedYears(long communityId) {
        return jdbc.sql("SELECT settle_year FROM drg_payment_settings WHERE community_id = :c ORDER BY settle_year DESC")
                .param("c", communityId).query(Integer.class).list();
    }

    private DrgPaymentSettings read(ResultSet rs, Integer askedYear) throws SQLException {
        int saved = rs.getInt("settle_year");
        int year = askedYear == null ? saved : askedYear;
        return new DrgPaymentSettings(year, saved == year ? Origin.SAVED : Origin.INHERITED, saved,
                rs.getBigDecimal("rate_employee"), rs.getBigDecimal("rate_resident"), rs.getBigDecimal("rate_other"),
                defaults.unsetRateRatio(), rs.getBigDecimal("low_ratio"), rs.getBigDecimal("tier1_max_rw"),
                rs.getBigDecimal("tier2_max_rw"), rs.getBigDecimal("high_multiple1"), rs.getBigDecimal("high_multiple2"),
                rs.getBigDecimal("high_multiple3"), OutlierRule.valueOf(rs.getString("high_rule")),
                rs.getBigDecimal("high_extra_ratio"), OutlierRule.valueOf(rs.getString("low_rule")));
    }

    /** Replaces the year's settings (already checked). */
    @Transactional
    void save(long communityId, DrgPaymentSettings s, String by) {
        jdbc.sql("DELETE FROM drg_payment_settings WHERE community_id = :c AND settle_year = :y")
                .param("c", communityId).param("y", s.year()).update();
        jdbc.sql("""
                        INSERT INTO drg_payment_settings (community_id, settle_year, rate_employee, rate_resident, rate_other,
                               low_ratio, tier1_max_rw, tier2_max_rw, high_multiple1, high_multiple2, high_multiple3, high_rule,
                               high_extra_ratio, low_rule, updated_by, updated_at)
                        VALUES (:c, :y, :re, :rr, :ro, :low, :t1, :t2, :m1, :m2, :m3, :hr, :extra, :lr, :by, :at)""")
                .param("c", communityId).param("y", s.year())
                .param("re", s.rateEmployee(), java.sql.Types.NUMERIC).param("rr", s.rateResident(), java.sql.Types.NUMERIC)
                .param("ro", s.rateOther(), java.sql.Types.NUMERIC).param("low", s.lowRatio()).param("t1", s.tier1MaxRw())
                .param("t2", s.tier2MaxRw()).param("m1", s.highMultiple1()).param("m2", s.highMultiple2())
                .param("m3", s.highMultiple3()).param("hr", s.highRule().name()).param("extra", s.highExtraRatio())
                .param("lr", s.lowRule().name()).param("by", by)
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
    }

    /**
     * Checks settings a user entered.
     *
     * @throws PaymentRequestException naming the first bad field
     */
    static void check(DrgPaymentSettings s) {
        if (s.year() < 2000 || s.year() > 2100) {
            throw PaymentRequestException.of("year", "年度应在 2000–2100 之间", "the year must be between 2000 and 2100");
        }
        rate("rateEmployee", s.rateEmployee());
        rate("rateResident", s.rateResident());
        rate("rateOther", s.rateOther());
        range("lowRatio", s.lowRatio(), BigDecimal.ZERO, BigDecimal.ONE, "低倍率界值应在 0–1 之间", "lowRatio must be between 0 and 1");
        range("tier1MaxRw", s.tier1MaxRw(), BigDecimal.ZERO, new BigDecimal("100"), "权重分段应在 0–100 之间",
                "tier1MaxRw must be between 0 and 100");
        range("tier2MaxRw", s.tier2MaxRw(), s.tier1MaxRw(), new BigDecimal("100"), "第二分段应不小于第一分段且不超过 100",
                "tier2MaxRw must be at least tier1MaxRw and at most 100");
        for (var m : List.of(new Object[] {"highMultiple1", s.highMultiple1()}, new Object[] {"highMultiple2", s.highMultiple2()},
                new Object[] {"highMultiple3", s.highMultiple3()})) {
            range((String) m[0], (BigDecimal) m[1], BigDecimal.ONE, new BigDecimal("20"), "高倍率倍数应在 1–20 之间",
                    m[0] + " must be between 1 and 20");
        }
        if (s.highRule() == null) {
            throw PaymentRequestException.of("highRule", "请选择高倍率结算方式 RATIO 或 ITEMS", "highRule must be RATIO or ITEMS");
        }
        if (s.lowRule() == null) {
            throw PaymentRequestException.of("lowRule", "请选择低倍率结算方式 RATIO 或 ITEMS", "lowRule must be RATIO or ITEMS");
        }
        range("highExtraRatio", s.highExtraRatio(), BigDecimal.ZERO, new BigDecimal("2"), "高倍率超出部分支付比例应在 0–2 之间",
                "highExtraRatio must be between 0 and 2");
    }

    private static void rate(String field, BigDecimal v) {
        if (v != null && (v.signum() <= 0 || v.compareTo(new BigDecimal("10000000")) > 0 || v.stripTrailingZeros().scale() > 2)) {
            throw PaymentRequestException.of(field, "费率应为大于 0、不超过 10000000 的金额（元/权重，最多两位小数），或留空按估算",
                    "a base rate must be an amount in yuan per weight above 0 and at most 10000000 with at most two decimals, or empty to estimate it");
        }
    }

    private static void range(String field, BigDecimal v, BigDecimal min, BigDecimal max, String zh, String en) {
        int decimals = field.startsWith("tier") ? 4 : 3;
        if (v == null || min != null && v.compareTo(min) < 0 || v.compareTo(max) > 0 || v.stripTrailingZeros().scale() > decimals) {
            throw PaymentRequestException.of(field, zh + "（最多 " + decimals + " 位小数）", en + " (at most " + decimals + " decimals)");
        }
    }
}
