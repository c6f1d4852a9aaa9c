package org.openhqd.platform.community;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.openhqd.platform.organization.Institution;
import org.openhqd.platform.organization.Organizations;
import org.openhqd.platform.security.DataScope;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The insurer's settlements of the community's insured residents (医保结算数据), imported per case;
 * an import is all or nothing, and a settlement imported again (an audit correction) replaces the
 * earlier figures. Reads are sums per month and provider kind — never single cases.
 */
@Service
public class Settlements {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** Fund spend at one provider outside the county over a year (县外就医 by hospital). */
    public record OutsideProvider(String providerCode, String providerName, long cases, BigDecimal fund) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Organizations organizations;
    private final AuditLog audit;
    private final Clock clock;

    Settlements(JdbcClient jdbc, JdbcTemplate template, Organizations organizations, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.organizations = organizations;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Imports a settlement CSV ({@value SettlementCsv#HEADER}) into the importer's community.
     *
     * @return the number of settlements imported
     * @throws CsvImportException naming every bad line and field; nothing is imported then
     */
    @Transactional
    public int importCsv(String csv, StaffPrincipal importer) {
        Map<String, Institution> members = new LinkedHashMap<>();
        organizations.institutions(DataScope.community(importer.communityId())).forEach(i -> members.put(i.code(), i));
        List<SettlementCsv.Row> rows = SettlementCsv.parse(csv, members, LocalDate.now(clock.withZone(CHINA)));
        int replaced = store(importer.communityId(), rows, importer.username());
        audit.record(AuditAction.CREATE, "insurance_settlement", null, null,
                rows.size() + " settlements imported, " + replaced + " replaced");
        return rows.size();
    }

    /** Writes checked rows in batches: an update for settlements already there, an insert for the rest. */
    int store(long communityId, List<SettlementCsv.Row> rows, String by) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int[] updated = rows.isEmpty() ? new int[0] : template.batchUpdate("""
                        UPDATE insurance_settlement SET insured_ref = ?, institution_id = ?, provider_code = ?, provider_name = ?,
                               in_county = ?, visit_type = ?, settled_on = ?, total_cost = ?, fund_payment = ?, imported_by = ?,
                               imported_at = ?
                         WHERE community_id = ? AND settlement_id = ?""",
                new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(java.sql.PreparedStatement ps, int i) throws java.sql.SQLException {
                        SettlementCsv.Row r = rows.get(i);
                        values(ps, 1, r);
                        ps.setString(10, by);
                        ps.setObject(11, now);
                        ps.setLong(12, communityId);
                        ps.setString(13, r.settlementId());
                    }

                    @Override
                    public int getBatchSize() {
                        return rows.size();
                    }
                });
        List<SettlementCsv.Row> fresh = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (updated[i] == 0) {
                fresh.add(rows.get(i));
            }
        }
        insert(communityId, fresh, by, now);
        return rows.size() - fresh.size();
    }

    /** Inserts settlements known to be new (the demo year), without looking for earlier versions. */
    void insert(long communityId, List<SettlementCsv.Row> fresh, String by, OffsetDateTime now) {
        template.batchUpdate("""
                        INSERT INTO insurance_settlement (insured_ref, institution_id, provider_code, provider_name, in_county,
                               visit_type, settled_on, total_cost, fund_payment, imported_by, imported_at, community_id, settlement_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", fresh, 1000, (ps, r) -> {
                    values(ps, 1, r);
                    ps.setString(10, by);
                    ps.setObject(11, now);
                    ps.setLong(12, communityId);
                    ps.setString(13, r.settlementId());
                });
    }

    private static void values(java.sql.PreparedStatement ps, int from, SettlementCsv.Row r) throws java.sql.SQLException {
        ps.setString(from, r.insuredRef());
        if (r.institutionId() == null) {
            ps.setNull(from + 1, java.sql.Types.BIGINT);
        } else {
            ps.setLong(from + 1, r.institutionId());
        }
        ps.setString(from + 2, r.providerCode());
        ps.setString(from + 3, r.providerName());
        ps.setBoolean(from + 4, r.inCounty());
        ps.setString(from + 5, r.visitType().name());
        ps.setDate(from + 6, Date.valueOf(r.settledOn()));
        ps.setBigDecimal(from + 7, r.totalCost());
        ps.setBigDecimal(from + 8, r.fundPayment());
    }

    /** The community's settlements of a calendar year, summed per month, provider kind and setting. */
    public List<SpendCell> spend(long communityId, int year) {
        return jdbc.sql("""
                        SELECT institution_id, in_county, visit_type, EXTRACT(MONTH FROM settled_on) AS m,
                               COUNT(*) AS cases, SUM(fund_payment) AS fund, SUM(total_cost) AS cost
                          FROM insurance_settlement
                         WHERE community_id = :c AND settled_on >= :from AND settled_on < :to
                         GROUP BY institution_id, in_county, visit_type, EXTRACT(MONTH FROM settled_on)""")
                .param("c", communityId).param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year + 1, 1, 1))
                .query((rs, n) -> new SpendCell(rs.getObject("institution_id") == null ? null : rs.getLong("institution_id"),
                        rs.getBoolean("in_county"), VisitType.valueOf(rs.getString("visit_type")), rs.getInt("m"),
                        rs.getLong("cases"), rs.getBigDecimal("fund").setScale(2), rs.getBigDecimal("cost").setScale(2)))
                .list();
    }

    /** The providers outside the county by fund spend, largest first. */
    public List<OutsideProvider> outsideProviders(long communityId, int year, int limit) {
        return jdbc.sql("""
                        SELECT provider_code, MAX(provider_name) AS provider_name, COUNT(*) AS cases, SUM(fund_payment) AS fund
                          FROM insurance_settlement
                         WHERE community_id = :c AND settled_on >= :from AND settled_on < :to AND NOT in_county
                         GROUP BY provider_code ORDER BY SUM(fund_payment) DESC, provider_code LIMIT :limit""")
                .param("c", communityId).param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year + 1, 1, 1))
                .param("limit", limit)
                .query((rs, n) -> new OutsideProvider(rs.getString("provider_code"), rs.getString("provider_name"),
                        rs.getLong("cases"), rs.getBigDecimal("fund").setScale(2)))
                .list();
    }

    /** The latest year with settlements, if any. */
    java.util.Optional<Integer> latestYear(long communityId) {
        LocalDate last = jdbc.sql("SELECT MAX(settled_on) FROM insurance_settlement WHERE community_id = :c")
                .param("c", communityId).query(LocalDate.class).optional().orElse(null);
        return java.util.Optional.ofNullable(last).map(LocalDate::getYear);
    }
}
