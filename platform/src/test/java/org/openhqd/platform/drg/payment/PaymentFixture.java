package org.openhqd.platform.drg.payment;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openhqd.casemix.drg.SchemeCatalog;
import org.openhqd.platform.drg.CaseStore;
import org.openhqd.platform.drg.DrgCasesChanged;
import org.openhqd.platform.drg.DrgSchemes;
import org.openhqd.platform.drg.ProcessedCase;
import org.openhqd.platform.security.Role;
import org.openhqd.platform.security.StaffPrincipal;
import org.openhqd.quality.synthetic.DischargeGenerator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A community of its own per test (so weight sets and settings of one test never meet another's):
 * a lead hospital and a township centre with DRG accounts, and cases written as an import writes
 * them — {@link CaseStore#store} in a transaction that publishes {@link DrgCasesChanged}.
 */
final class PaymentFixture {

    final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final CaseStore store;
    private final DrgSchemes schemes;
    private final ApplicationEventPublisher events;

    final long community;
    final long hospital;
    final long township;
    final String code;

    PaymentFixture(JdbcClient jdbc, TransactionTemplate tx, CaseStore store, DrgSchemes schemes, ApplicationEventPublisher events,
                   String code) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.store = store;
        this.schemes = schemes;
        this.events = events;
        this.code = code;
        jdbc.sql("INSERT INTO community (code, name, created_at) VALUES (:c, :n, CURRENT_TIMESTAMP)")
                .param("c", code).param("n", code + " 测试医共体").update();
        community = jdbc.sql("SELECT id FROM community WHERE code = :c").param("c", code).query(Long.class).single();
        hospital = institution(code + "-H", code + " 县医院", "HOSPITAL");
        township = institution(code + "-T", code + " 乡镇卫生院", "TOWNSHIP_HEALTH_CENTRE");
        account(code + "-admin", Role.COMMUNITY_ADMIN, hospital);
        account(code + "-ins", Role.INSURANCE_OFFICE, hospital);
        account(code + "-town-ins", Role.INSURANCE_OFFICE, township);
        account(code + "-head", Role.DEPARTMENT_HEAD, hospital);
        account(code + "-doctor", Role.DOCTOR, hospital);
    }

    private long institution(String code, String name, String type) {
        jdbc.sql("INSERT INTO institution (community_id, code, name, level, type, path, created_at) "
                        + "VALUES (:c, :code, :name, 'LEVEL_2', :type, '/', CURRENT_TIMESTAMP)")
                .param("c", community).param("code", code).param("name", name).param("type", type).update();
        long id = jdbc.sql("SELECT id FROM institution WHERE code = :c").param("c", code).query(Long.class).single();
        jdbc.sql("UPDATE institution SET path = :p WHERE id = :id").param("p", "/" + id + "/").param("id", id).update();
        return id;
    }

    private void account(String username, Role role, long institution) {
        String hash = jdbc.sql("SELECT password_hash FROM staff WHERE username = 'demo-doctor-a'").query(String.class).single();
        jdbc.sql("INSERT INTO staff (institution_id, name, role, username, password_hash, enabled, failed_attempts, created_at) "
                        + "VALUES (:i, :u, :r, :u, :h, TRUE, 0, CURRENT_TIMESTAMP)")
                .param("i", institution).param("u", username).param("r", role.name()).param("h", hash).update();
    }

    StaffPrincipal principal(String suffix) {
        String username = code + "-" + suffix;
        return jdbc.sql("SELECT s.id, s.role, s.institution_id, i.community_id, i.path FROM staff s JOIN institution i "
                        + "ON i.id = s.institution_id WHERE s.username = :u").param("u", username)
                .query((rs, n) -> new StaffPrincipal(rs.getLong("id"), username, Role.valueOf(rs.getString("role")),
                        rs.getLong("institution_id"), rs.getLong("community_id"), rs.getString("path")))
                .single();
    }

    /** Synthetic discharges of the hospital in a year, checked and grouped with the default scheme. */
    List<ProcessedCase> generate(long seed, int year, int n) {
        DrgSchemes.Engine engine = schemes.engine("chs-drg-1.1");
        DischargeGenerator g = new DischargeGenerator(SchemeCatalog.builtIn().get("chs-drg-1.1"), seed, code + "-H",
                code + "-" + year + "-", year);
        List<ProcessedCase> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(ProcessedCase.of(g.next(), engine));
        }
        return out;
    }

    /** Writes cases as an import does and publishes that they changed; returns once the listener has run. */
    void importCases(long institution, List<ProcessedCase> cases) {
        tx.executeWithoutResult(s -> {
            long batch = batch(institution);
            store.store(institution, batch, cases);
            events.publishEvent(new DrgCasesChanged(Set.of(institution), batch));
        });
    }

    private long batch(long institution) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO drg_import_batch (community_id, institution_id, file_name, format, status, started_by, started_at) "
                        + "VALUES (:c, :i, 'test.csv', 'CSV', 'COMMITTED', 'test', CURRENT_TIMESTAMP)")
                .param("c", community).param("i", institution).update(keys, "id");
        return keys.getKey().longValue();
    }


    /** A case written directly, for figures by hand (grouped with chs-drg-1.1 unless status says otherwise). */
    long insertCase(long institution, String caseId, String drg, String status, String month, String cost, String insurance,
                    String dischargeType, Integer los) {
        long id = jdbc.sql("SELECT nextval('drg_case_ids')").query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO drg_case (id, institution_id, case_id, batch_id, department, attending_doctor, coder, discharge_time,
                               discharge_month, los, discharge_type, insurance_type, total_cost, source_record, scheme_id, scheme_version,
                               group_status, adrg, drg, grouped_at)
                        VALUES (:id, :i, :case, 0, '内科', '医生甲', '编码员', :at, :month, :los, :type, :ins, :cost, '', 'chs-drg-1.1',
                               'test', :status, :adrg, :drg, :now)""")
                .param("id", id).param("i", institution).param("case", caseId)
                .param("at", java.sql.Timestamp.valueOf(month + "-15 10:00:00"))
                .param("month", month).param("los", los, java.sql.Types.INTEGER).param("type", dischargeType)
                .param("ins", insurance, java.sql.Types.VARCHAR).param("cost", cost == null ? null : new BigDecimal(cost), java.sql.Types.NUMERIC)
                .param("status", status).param("adrg", drg == null ? null : WeightCalculator.adrgOf(drg), java.sql.Types.VARCHAR)
                .param("drg", drg, java.sql.Types.VARCHAR).param("now", OffsetDateTime.now()).update();
        return id;
    }

    /** The payment columns of a case. */
    record Figures(Long setId, BigDecimal rw, BigDecimal benchmarkCost, BigDecimal benchmarkLos, Integer riskLevel,
                   BigDecimal baseRate, BigDecimal expected, BigDecimal profitLoss, String outlier, String rule) {
    }

    Figures figures(long caseRowId) {
        return jdbc.sql("SELECT * FROM drg_case WHERE id = :id").param("id", caseRowId)
                .query((rs, n) -> new Figures((Long) rs.getObject("weight_set_id", Long.class), rs.getBigDecimal("rw"),
                        rs.getBigDecimal("benchmark_cost"), rs.getBigDecimal("benchmark_los"),
                        (Integer) rs.getObject("risk_level", Integer.class), rs.getBigDecimal("base_rate"),
                        rs.getBigDecimal("expected_payment"), rs.getBigDecimal("profit_loss"), rs.getString("outlier"),
                        rs.getString("payment_rule")))
                .single();
    }
}
