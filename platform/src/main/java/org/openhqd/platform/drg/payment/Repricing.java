package org.openhqd.platform.drg.payment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.openhqd.platform.drg.DrgCasesRepriced;
import org.openhqd.platform.drg.DrgPayment;
import org.openhqd.platform.drg.DrgPaymentSettings;
import org.openhqd.platform.drg.WeightSet;
import org.openhqd.platform.security.DataScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prices the cases of institutions set-wise in SQL, per community and scheme: one MERGE joins every
 * grouped case to its DRG's row in the active weight set — the row spread over the discharge years
 * present and the insurance kinds (职工/居民/其他), with the year's settings, rate, standard payment
 * and outlier thresholds worked out once per row — and computes weight, benchmarks, risk level,
 * base rate, outlier type, expected payment and profit/loss as {@link Pricing} specifies; one
 * UPDATE empties the figures of the cases without a row (not grouped, or a DRG the set lacks). The
 * same two statements run on H2 and PostgreSQL, each a single pass over the cases. A case whose
 * figures would not change is not written, so repricing after a change of nothing costs a read.
 */
@Service
class Repricing implements DrgPayment {

    private static final Logger log = LoggerFactory.getLogger(Repricing.class);

    /** The discharge-year key of a case without a discharge month. */
    static final String NO_YEAR = "0000";

    /** The payment columns, emptied when a scheme has no active set. */
    private static final String CLEAR = """
            UPDATE drg_case SET weight_set_id = NULL, rw = NULL, benchmark_cost = NULL, benchmark_los = NULL, risk_level = NULL,
                   base_rate = NULL, expected_payment = NULL, profit_loss = NULL, outlier = NULL, payment_rule = NULL,
                   pricing_key = NULL
             WHERE institution_id IN (:ids) AND scheme_id = :scheme%s
               AND (weight_set_id IS NOT NULL OR rw IS NOT NULL OR risk_level IS NOT NULL OR expected_payment IS NOT NULL
                    OR payment_rule IS NOT NULL OR pricing_key IS NOT NULL)""";

    /** Cases without a row in the set (not grouped, or a DRG the set lacks): the set when grouped, no figures. */
    private static final String UNWEIGHED = """
            UPDATE drg_case SET weight_set_id = CASE WHEN group_status = 'ok' AND drg IS NOT NULL THEN CAST(:set AS BIGINT) END,
                   rw = NULL, benchmark_cost = NULL, benchmark_los = NULL, risk_level = NULL, base_rate = NULL,
                   expected_payment = NULL, profit_loss = NULL, outlier = NULL, payment_rule = NULL, pricing_key = NULL
             WHERE institution_id IN (:ids) AND scheme_id = :scheme%s
               AND NOT (group_status = 'ok' AND EXISTS (SELECT 1 FROM drg_weight_row w WHERE w.set_id = CAST(:set AS BIGINT)
                                                        AND w.drg = drg_case.drg))
               AND (weight_set_id IS DISTINCT FROM CASE WHEN group_status = 'ok' AND drg IS NOT NULL THEN CAST(:set AS BIGINT) END
                    OR rw IS NOT NULL OR risk_level IS NOT NULL OR base_rate IS NOT NULL OR expected_payment IS NOT NULL
                    OR outlier IS NOT NULL OR payment_rule IS NOT NULL OR benchmark_cost IS NOT NULL OR pricing_key IS NOT NULL)""";

    /** %1$s the settings rows (year, kind, rate, thresholds, rules), %2$s further conditions on the case. */
    private static final String MERGE = """
            MERGE INTO drg_case c USING (
              SELECT y.drg, y.yr, y.kind, y.pkey, y.rw, y.bc, y.bl, y.risk, y.rate, y.high_rule, y.low_rule, y.extra,
                     ROUND(y.rate * y.rw, 2) AS std, y.t * y.bc AS high_at, y.low * y.bc AS low_at
                FROM (
                  SELECT w.drg, p.yr, p.kind, p.pkey, w.rw, COALESCE(w.benchmark_cost, ROUND(w.rw * CAST(:ref AS NUMERIC(14, 2)), 2)) AS bc,
                         w.benchmark_los AS bl, w.risk_level AS risk, CASE WHEN w.rw IS NULL THEN NULL ELSE p.rate END AS rate,
                         p.high_rule, p.low_rule, p.extra, p.low,
                         CASE WHEN w.rw <= p.tier1 THEN p.m1 WHEN w.rw <= p.tier2 THEN p.m2 ELSE p.m3 END AS t
                    FROM drg_weight_row w
                   CROSS JOIN (VALUES %1$s) AS p (yr, kind, rate, low, tier1, tier2, m1, m2, m3, high_rule, extra, low_rule, pkey)
                   WHERE w.set_id = CAST(:set AS BIGINT)
                ) y
            ) s ON (s.drg = c.drg AND s.kind = %3$s AND s.yr = COALESCE(SUBSTRING(c.discharge_month, 1, 4), '0000')
                    AND c.institution_id IN (:ids) AND c.scheme_id = :scheme AND c.group_status = 'ok'%2$s)
            WHEN MATCHED AND (c.pricing_key IS DISTINCT FROM s.pkey OR c.rw IS DISTINCT FROM s.rw
                    OR c.benchmark_cost IS DISTINCT FROM s.bc OR c.benchmark_los IS DISTINCT FROM s.bl
                    OR c.risk_level IS DISTINCT FROM s.risk OR c.base_rate IS DISTINCT FROM s.rate
                    OR c.profit_loss IS DISTINCT FROM c.expected_payment - c.total_cost)
            THEN UPDATE SET weight_set_id = CAST(:set AS BIGINT), rw = s.rw, benchmark_cost = s.bc, benchmark_los = s.bl,
                 risk_level = s.risk, base_rate = s.rate, outlier = %4$s, payment_rule = %5$s, expected_payment = %6$s,
                 profit_loss = %6$s - c.total_cost, pricing_key = s.pkey""";

    /** One settings row of the MERGE: year and kind, rate, thresholds and rules, typed. */
    private static final String SETTINGS_ROW = "(CAST(:yr%1$d AS VARCHAR(4)), CAST(:kind%1$d AS VARCHAR(1)), "
            + "CAST(:rate%1$d AS NUMERIC(12, 2)), CAST(:low%1$d AS NUMERIC(6, 3)), CAST(:tier1_%1$d AS NUMERIC(8, 4)), "
            + "CAST(:tier2_%1$d AS NUMERIC(8, 4)), CAST(:m1_%1$d AS NUMERIC(6, 3)), CAST(:m2_%1$d AS NUMERIC(6, 3)), "
            + "CAST(:m3_%1$d AS NUMERIC(6, 3)), CAST(:high%1$d AS VARCHAR(8)), CAST(:extra%1$d AS NUMERIC(6, 3)), "
            + "CAST(:lowRule%1$d AS VARCHAR(8)), CAST(:pkey%1$d AS VARCHAR(40)))";

    /** The case's insurance kind (E employee, R resident, O other). */
    private static final String KIND_OF_CASE = "CASE WHEN UPPER(TRIM(c.insurance_type)) IN (:employee) THEN 'E' "
            + "WHEN UPPER(TRIM(c.insurance_type)) IN (:resident) THEN 'R' ELSE 'O' END";
    /** The case's outlier type. */
    private static final String OUTLIER = "(CASE WHEN s.std IS NULL OR c.total_cost IS NULL OR s.bc IS NULL THEN NULL "
            + "WHEN c.total_cost > s.high_at THEN 'HIGH' WHEN c.total_cost < s.low_at THEN 'LOW' ELSE 'NORMAL' END)";
    /** How the payment was reached. */
    private static final String RULE = ("(CASE WHEN s.std IS NULL THEN NULL WHEN %1$s IS NULL OR %1$s = 'NORMAL' THEN 'STANDARD' "
            + "WHEN %1$s = 'HIGH' THEN s.high_rule ELSE s.low_rule END)").formatted(OUTLIER);
    /**
     * The expected payment: the standard; a high outlier by the formula standard + standard × extra ×
     * (C − multiple × A) ÷ A; a low one by standard × C ÷ A; by items: C.
     */
    private static final String EXPECTED = ("(CASE WHEN s.std IS NULL THEN NULL WHEN %1$s IS NULL OR %1$s = 'NORMAL' THEN s.std "
            + "WHEN %1$s = 'HIGH' THEN (CASE WHEN s.high_rule = 'ITEMS' THEN c.total_cost "
            + "ELSE ROUND(s.std + s.std * s.extra * (c.total_cost - s.high_at) / s.bc, 2) END) "
            + "ELSE (CASE WHEN s.low_rule = 'ITEMS' THEN c.total_cost ELSE ROUND(s.std * c.total_cost / s.bc, 2) END) END)")
            .formatted(OUTLIER);

    private final NamedParameterJdbcTemplate jdbc;
    private final DrgWeightSets weights;
    private final DrgPaymentSettingsStore settings;
    private final ApplicationEventPublisher events;

    Repricing(NamedParameterJdbcTemplate jdbc, DrgWeightSets weights, DrgPaymentSettingsStore settings,
              ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.weights = weights;
        this.settings = settings;
        this.events = events;
    }

    @Override
    public DrgPaymentSettings settings(long communityId, int year) {
        return settings.effective(communityId, year);
    }

    @Override
    @Transactional
    public long reprice(Set<Long> institutionIds) {
        return reprice(institutionIds, null);
    }

    /**
     * Reprices the institutions' cases, or only those of one import batch (the rest did not change),
     * then publishes {@link DrgCasesRepriced}.
     */
    @Transactional
    long reprice(Set<Long> institutionIds, Long batchId) {
        if (institutionIds == null || institutionIds.isEmpty()) {
            return 0;
        }
        long started = System.nanoTime();
        Map<Long, List<Long>> byCommunity = new TreeMap<>();
        jdbc.query("SELECT id, community_id FROM institution WHERE id IN (:ids)", Map.of("ids", institutionIds),
                rs -> {
                    byCommunity.computeIfAbsent(rs.getLong(2), c -> new ArrayList<>()).add(rs.getLong(1));
                });
        long changed = 0;
        for (var e : byCommunity.entrySet()) {
            changed += reprice(e.getKey(), e.getValue(), batchId);
        }
        events.publishEvent(new DrgCasesRepriced(Set.copyOf(institutionIds)));
        log.info("DRG 病例支付测算：{} 家机构{}，{} 例变化，用时 {} ms / DRG cases repriced", institutionIds.size(),
                batchId == null ? "" : "（导入批次 " + batchId + "）", changed, (System.nanoTime() - started) / 1_000_000);
        return changed;
    }

    /** Reprices every institution of a community that has cases (a set was activated, settings changed). */
    @Transactional
    public long repriceCommunity(long communityId) {
        Set<Long> ids = new LinkedHashSet<>(jdbc.queryForList("SELECT id FROM institution WHERE community_id = :c",
                Map.of("c", communityId), Long.class));
        return reprice(ids, null);
    }

    private long reprice(long communityId, List<Long> ids, Long batchId) {
        String batch = batchId == null ? "" : " AND %sbatch_id = :batch";
        MapSqlParameterSource base = new MapSqlParameterSource("ids", ids).addValue("batch", batchId);
        // per scheme: the discharge years present and the institutions that have cases
        Map<String, Set<String>> yearsByScheme = new TreeMap<>();
        Map<String, Set<Long>> institutionsByScheme = new TreeMap<>();
        jdbc.query("SELECT scheme_id, institution_id, SUBSTRING(discharge_month, 1, 4) AS y FROM drg_case WHERE institution_id IN (:ids)"
                        + batch.formatted("") + " GROUP BY scheme_id, institution_id, SUBSTRING(discharge_month, 1, 4)", base,
                rs -> {
                    yearsByScheme.computeIfAbsent(rs.getString(1), k -> new java.util.TreeSet<>())
                            .add(rs.getString(3) == null ? NO_YEAR : rs.getString(3));
                    institutionsByScheme.computeIfAbsent(rs.getString(1), k -> new java.util.TreeSet<>()).add(rs.getLong(2));
                });
        long changed = 0;
        for (var e : yearsByScheme.entrySet()) {
            MapSqlParameterSource p = new MapSqlParameterSource(base.getValues()).addValue("scheme", e.getKey())
                    .addValue("ids", List.copyOf(institutionsByScheme.get(e.getKey())));
            Optional<WeightSet> set = weights.activeSet(communityId, e.getKey());
            if (set.isEmpty()) {
                changed += jdbc.update(CLEAR.formatted(batch.formatted("")), p);
                continue;
            }
            PaymentDefaults d = settings.defaults();
            p.addValue("set", set.get().id()).addValue("ref", set.get().referenceCost(), java.sql.Types.NUMERIC)
                    .addValue("employee", aliases(d, InsuranceKind.EMPLOYEE)).addValue("resident", aliases(d, InsuranceKind.RESIDENT));
            List<String> rows = new ArrayList<>();
            for (String year : e.getValue()) {
                DrgPaymentSettings s = settings.effective(communityId, year.equals(NO_YEAR) ? null : Integer.valueOf(year));
                BaseRates rates = BaseRates.of(s, set.get().referenceCost());
                for (InsuranceKind kind : InsuranceKind.values()) {
                    int i = rows.size();
                    rows.add(SETTINGS_ROW.formatted(i));
                    p.addValue("yr" + i, year).addValue("kind" + i, kind.name().substring(0, 1))
                            .addValue("rate" + i, rates.of(kind), java.sql.Types.NUMERIC).addValue("low" + i, s.lowRatio())
                            .addValue("tier1_" + i, s.tier1MaxRw()).addValue("tier2_" + i, s.tier2MaxRw())
                            .addValue("m1_" + i, s.highMultiple1()).addValue("m2_" + i, s.highMultiple2())
                            .addValue("m3_" + i, s.highMultiple3()).addValue("high" + i, s.highRule().name())
                            .addValue("extra" + i, s.highExtraRatio()).addValue("lowRule" + i, s.lowRule().name())
                            .addValue("pkey" + i, pricingKey(set.get(), d, year, rates.of(kind), s));
                }
            }
            String merge = MERGE.formatted(String.join(", ", rows), batch.formatted("c."), KIND_OF_CASE, OUTLIER, RULE, EXPECTED);
            if (postgres()) {
                boolean hashJoin = batchId == null;
                if (hashJoin) {
                    // every case of the institutions: one sequential pass joined to the set's rows by hash beats the planner's
                    // favourite, an index scan per DRG that visits each page of drg_case again for every DRG on it
                    jdbc.getJdbcTemplate().execute("SET LOCAL enable_nestloop = off");
                }
                changed += jdbc.update(merge, p);
                if (hashJoin) {
                    jdbc.getJdbcTemplate().execute("SET LOCAL enable_nestloop TO DEFAULT");
                }
            } else {
                // H2 looks a source row's cases up by (institution_id, drg) only when the institution is one value; with
                // an IN list it reads every case of the institutions for each of the set's rows (24,000 demo cases: 56 s)
                for (long institution : institutionsByScheme.get(e.getKey())) {
                    changed += jdbc.update(merge, new MapSqlParameterSource(p.getValues()).addValue("ids", List.of(institution)));
                }
            }
            changed += jdbc.update(UNWEIGHED.formatted(batch.formatted("")), p);
        }
        return changed;
    }

    /**
     * The digest of what a case's figures are computed from besides its own row: the set and its
     * reference cost, the year's settings and rate, the insurance aliases' version. A case whose key,
     * weight row, rate and cost are unchanged is not written again.
     */
    static String pricingKey(WeightSet set, PaymentDefaults d, String year, BigDecimal rate, DrgPaymentSettings s) {
        String canonical = String.join("|", String.valueOf(set.id()), String.valueOf(set.referenceCost()), d.version(), year,
                String.valueOf(rate), s.lowRatio().toPlainString(), s.tier1MaxRw().toPlainString(), s.tier2MaxRw().toPlainString(),
                s.highMultiple1().toPlainString(), s.highMultiple2().toPlainString(), s.highMultiple3().toPlainString(),
                s.highRule().name(), s.highExtraRatio().toPlainString(), s.lowRule().name());
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return set.id() + ":" + java.util.HexFormat.of().formatHex(h, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private volatile Boolean postgres;

    private boolean postgres() {
        if (postgres == null) {
            postgres = jdbc.getJdbcTemplate().execute((java.sql.Connection c) ->
                    c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres"));
        }
        return postgres;
    }

    private static List<String> aliases(PaymentDefaults d, InsuranceKind kind) {
        List<String> a = d.aliases(kind);
        return a.isEmpty() ? List.of("\u0000") : a;
    }

    /** Total profit/loss of a year's priced cases in a scope at the base rates × each factor (点值/费率敏感性). */
    record Sensitivity(long cases, long priced, long ungrouped, long withoutWeight, BigDecimal totalCost, BigDecimal expected,
                       BigDecimal profitLoss, BigDecimal rateDependent, long high, long low) {

        /** Profit/loss if every base rate were {@code factor} times what it is (outliers paid by items do not move). */
        BigDecimal profitLossAt(BigDecimal factor) {
            return expected.subtract(rateDependent).add(rateDependent.multiply(factor)).subtract(pricedCost())
                    .setScale(2, java.math.RoundingMode.HALF_UP);
        }

        private BigDecimal pricedCost() {
            return expected.subtract(profitLoss);
        }
    }

    /** The year's figures of the scope's cases (discharge year; null: every year). */
    Sensitivity sensitivity(DataScope scope, Integer year) {
        MapSqlParameterSource p = new MapSqlParameterSource(scope.params()).addValue("from", year + "-01")
                .addValue("to", year + "-12");
        return jdbc.query("""
                        SELECT COUNT(*) AS cases,
                               SUM(CASE WHEN c.expected_payment IS NOT NULL AND c.total_cost IS NOT NULL THEN 1 ELSE 0 END) AS priced,
                               SUM(CASE WHEN c.group_status <> 'ok' OR c.drg IS NULL THEN 1 ELSE 0 END) AS ungrouped,
                               SUM(CASE WHEN c.group_status = 'ok' AND c.drg IS NOT NULL AND c.rw IS NULL THEN 1 ELSE 0 END) AS no_weight,
                               SUM(c.total_cost) AS total_cost,
                               SUM(CASE WHEN c.total_cost IS NOT NULL THEN c.expected_payment END) AS expected,
                               SUM(c.profit_loss) AS profit_loss,
                               SUM(CASE WHEN c.total_cost IS NOT NULL AND c.payment_rule <> 'ITEMS' THEN c.expected_payment END) AS rate_dependent,
                               SUM(CASE WHEN c.outlier = 'HIGH' THEN 1 ELSE 0 END) AS high,
                               SUM(CASE WHEN c.outlier = 'LOW' THEN 1 ELSE 0 END) AS low
                          FROM drg_case c JOIN institution i ON i.id = c.institution_id
                         WHERE """ + scope.sql("i") + (year == null ? "" : " AND c.discharge_month >= :from AND c.discharge_month <= :to"),
                p, rs -> {
                    rs.next();
                    return new Sensitivity(rs.getLong("cases"), rs.getLong("priced"), rs.getLong("ungrouped"),
                            rs.getLong("no_weight"), orZero(rs.getBigDecimal("total_cost")), orZero(rs.getBigDecimal("expected")),
                            orZero(rs.getBigDecimal("profit_loss")), orZero(rs.getBigDecimal("rate_dependent")),
                            rs.getLong("high"), rs.getLong("low"));
                });
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO.setScale(2) : v.setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
