package org.openhqd.platform.drg.payment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openhqd.platform.drg.DrgWeights;
import org.openhqd.platform.drg.WeightRow;
import org.openhqd.platform.drg.WeightSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The weight sets of the communities (drg_weight_set, drg_weight_row, drg_weight_active): stored
 * whole and never edited, one active per community and scheme. Checks of who may do what, audit
 * and repricing are the callers' ({@link DrgPaymentActions}, {@link DrgRepricingListener}).
 */
@Service
class DrgWeightSets implements DrgWeights {

    /** A set about to be stored. */
    record NewSet(long communityId, String schemeId, String name, String versionLabel, WeightSet.Source source,
                  String population, String method, String years, BigDecimal referenceCost, long casesTotal, long casesUsed,
                  long casesTrimmed, List<WeightRow> rows) {
    }

    /** One page of a set's rows. */
    record RowPage(List<WeightRow> rows, int page, int size, long total) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;

    DrgWeightSets(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    @Override
    public Optional<WeightSet> activeSet(long communityId, String schemeId) {
        return jdbc.sql("SELECT s.* FROM drg_weight_active a JOIN drg_weight_set s ON s.id = a.set_id "
                        + "WHERE a.community_id = :c AND a.scheme_id = :s")
                .param("c", communityId).param("s", schemeId).query((rs, n) -> set(rs)).optional();
    }

    @Override
    public Optional<WeightSet> set(long communityId, long setId) {
        return jdbc.sql("SELECT * FROM drg_weight_set WHERE id = :id AND community_id = :c")
                .param("id", setId).param("c", communityId).query((rs, n) -> set(rs)).optional();
    }

    @Override
    public Optional<WeightRow> row(long setId, String drg) {
        return jdbc.sql("SELECT * FROM drg_weight_row WHERE set_id = :s AND drg = :d").param("s", setId).param("d", drg)
                .query((rs, n) -> row(rs)).optional();
    }

    @Override
    public Map<String, WeightRow> rows(long setId) {
        Map<String, WeightRow> out = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM drg_weight_row WHERE set_id = :s ORDER BY drg").param("s", setId)
                .query((rs, n) -> row(rs)).list().forEach(r -> out.put(r.drg(), r));
        return out;
    }

    @Override
    public List<WeightSet> sets(long communityId, String schemeId) {
        return jdbc.sql("SELECT * FROM drg_weight_set WHERE community_id = :c AND scheme_id = :s ORDER BY created_at DESC, id DESC")
                .param("c", communityId).param("s", schemeId).query((rs, n) -> set(rs)).list();
    }

    /** A page of a set's rows, optionally those whose DRG or ADRG code starts with {@code q}. */
    RowPage page(long setId, String q, int page, int size) {
        String filter = q == null || q.isBlank() ? "" : " AND (UPPER(drg) LIKE :q OR UPPER(adrg) LIKE :q)";
        String like = q == null ? "" : q.strip().toUpperCase(java.util.Locale.ROOT).replace("%", "").replace("_", "") + "%";
        long total = jdbc.sql("SELECT COUNT(*) FROM drg_weight_row WHERE set_id = :s" + filter)
                .param("s", setId).param("q", like).query(Long.class).single();
        List<WeightRow> rows = jdbc.sql("SELECT * FROM drg_weight_row WHERE set_id = :s" + filter
                        + " ORDER BY drg LIMIT :limit OFFSET :offset")
                .param("s", setId).param("q", like).param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> row(rs)).list();
        return new RowPage(rows, page, size, total);
    }

    /** The schemes the community has sets for. */
    List<String> schemesWithSets(long communityId) {
        return jdbc.sql("SELECT DISTINCT scheme_id FROM drg_weight_set WHERE community_id = :c ORDER BY scheme_id")
                .param("c", communityId).query(String.class).list();
    }

    /** Stores a new set as a draft; returns its id. */
    @Transactional(propagation = Propagation.MANDATORY)
    long store(NewSet s, String by) {
        int weighted = (int) s.rows().stream().filter(r -> r.rw() != null).count();
        int flagged = (int) s.rows().stream().filter(WeightRow::tooFew).count();
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO drg_weight_set (community_id, scheme_id, name, version_label, source, status, population, method,
                               years, reference_cost, cases_total, cases_used, cases_trimmed, drgs_weighted, drgs_flagged,
                               created_by, created_at)
                        VALUES (:c, :scheme, :name, :version, :source, 'DRAFT', :population, :method, :years, :ref, :total, :used,
                               :trimmed, :weighted, :flagged, :by, :at)""")
                .param("c", s.communityId()).param("scheme", s.schemeId()).param("name", s.name())
                .param("version", s.versionLabel()).param("source", s.source().name())
                .param("population", s.population(), Types.VARCHAR).param("method", s.method(), Types.VARCHAR)
                .param("years", s.years(), Types.VARCHAR).param("ref", s.referenceCost(), Types.NUMERIC)
                .param("total", s.casesTotal()).param("used", s.casesUsed()).param("trimmed", s.casesTrimmed())
                .param("weighted", weighted).param("flagged", flagged).param("by", by).param("at", now()).update(keys, "id");
        long id = keys.getKey().longValue();
        List<Object[]> rows = new ArrayList<>(s.rows().size());
        for (WeightRow r : s.rows()) {
            rows.add(new Object[] {id, r.drg(), r.adrg(), r.rw(), r.benchmarkCost(), r.benchmarkLos(), r.casesTotal(),
                r.casesUsed(), r.casesTrimmed(), r.deaths(), r.mortality(), r.riskLevel(), r.basis().name(), r.tooFew()});
        }
        template.batchUpdate("""
                        INSERT INTO drg_weight_row (set_id, drg, adrg, rw, benchmark_cost, benchmark_los, cases_total, cases_used,
                               cases_trimmed, deaths, mortality, risk_level, basis, too_few)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows,
                new int[] {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.NUMERIC, Types.NUMERIC, Types.NUMERIC, Types.INTEGER,
                    Types.INTEGER, Types.INTEGER, Types.INTEGER, Types.NUMERIC, Types.SMALLINT, Types.VARCHAR, Types.BOOLEAN});
        return id;
    }

    /** Sets an official table's reference cost once its rows are stored (it is computed from them). */
    @Transactional(propagation = Propagation.MANDATORY)
    void setReferenceCost(long setId, BigDecimal referenceCost, long cases) {
        jdbc.sql("UPDATE drg_weight_set SET reference_cost = :ref, cases_total = :n WHERE id = :id")
                .param("ref", referenceCost, Types.NUMERIC).param("n", cases).param("id", setId).update();
    }

    /** Makes a set the community's active one for its scheme; the one it replaces becomes RETIRED. */
    @Transactional(propagation = Propagation.MANDATORY)
    void activate(WeightSet s, String by) {
        activeSet(s.communityId(), s.schemeId()).ifPresent(old -> jdbc.sql(
                "UPDATE drg_weight_set SET status = 'RETIRED' WHERE id = :id").param("id", old.id()).update());
        jdbc.sql("DELETE FROM drg_weight_active WHERE community_id = :c AND scheme_id = :s")
                .param("c", s.communityId()).param("s", s.schemeId()).update();
        jdbc.sql("INSERT INTO drg_weight_active (community_id, scheme_id, set_id) VALUES (:c, :s, :id)")
                .param("c", s.communityId()).param("s", s.schemeId()).param("id", s.id()).update();
        jdbc.sql("UPDATE drg_weight_set SET status = 'ACTIVE', activated_by = :by, activated_at = :at WHERE id = :id")
                .param("by", by).param("at", now()).param("id", s.id()).update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static WeightSet set(ResultSet rs) throws SQLException {
        return new WeightSet(rs.getLong("id"), rs.getLong("community_id"), rs.getString("scheme_id"), rs.getString("name"),
                rs.getString("version_label"), WeightSet.Source.valueOf(rs.getString("source")),
                WeightSet.Status.valueOf(rs.getString("status")), rs.getString("population"), rs.getString("method"),
                rs.getString("years"), rs.getBigDecimal("reference_cost"), rs.getLong("cases_total"), rs.getLong("cases_used"),
                rs.getLong("cases_trimmed"), rs.getInt("drgs_weighted"), rs.getInt("drgs_flagged"), rs.getString("created_by"),
                china(rs.getObject("created_at", OffsetDateTime.class)), rs.getString("activated_by"),
                china(rs.getObject("activated_at", OffsetDateTime.class)));
    }

    /** Times as the console shows them: China time (the same instant). */
    private static OffsetDateTime china(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toOffsetDateTime();
    }

    private static WeightRow row(ResultSet rs) throws SQLException {
        return new WeightRow(rs.getString("drg"), rs.getString("adrg"), rs.getBigDecimal("rw"), rs.getBigDecimal("benchmark_cost"),
                rs.getBigDecimal("benchmark_los"), rs.getInt("cases_total"), rs.getInt("cases_used"), rs.getInt("cases_trimmed"),
                rs.getInt("deaths"), rs.getBigDecimal("mortality"), (Integer) rs.getObject("risk_level", Integer.class),
                WeightRow.Basis.valueOf(rs.getString("basis")));
    }
}
