package org.openhqd.platform.drg.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openhqd.casemix.drg.SchemeCatalog;
import org.openhqd.platform.drg.CaseStore;
import org.openhqd.platform.drg.DrgCasesRepriced;
import org.openhqd.platform.drg.DrgSchemes;
import org.openhqd.platform.drg.ProcessedCase;
import org.openhqd.quality.Diagnosis;
import org.openhqd.quality.DischargeRecord;
import org.openhqd.quality.synthetic.DischargeGenerator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cases for the analytics tests, stored the way an import stores them (QC and grouping, then
 * {@link CaseStore} in a transaction); the weight and payment columns, which the pricing step
 * fills, are set here with SQL, and {@link DrgCasesRepriced} is published as the pricing step does.
 *
 * <p>The hand-built set ({@value #HAND_YEAR}, county hospital H001, DRGs ZX11/ZX13/ZX15 that no
 * scheme knows, so nothing but this fixture decides them):
 * <pre>
 * case dept doctor month drg     status       cost   los type  RW  bench cost/los risk outlier  payment   P/L
 * c1   骨科 甲     01    ZX11    ok          12000   12   1    2.0  10000/10     1  NORMAL    11000  -1000
 * c2   骨科 甲     02    ZX11    ok           8000    8   5    2.0  10000/10     1  NORMAL    11000   3000
 * c3   骨科 乙     01    ZX13    ok           2000    5   1    0.8   4000/5      2  NORMAL     4400   2400
 * c4   骨科 乙     02    ZX13    ok          14000   10   1    0.8   4000/5      2  HIGH       4400  -9600
 * c5   心内 丙     02    ZX15    ok           1000    2   1    0.3   2000/4      0  LOW        1650    650
 * c6   心内 丙     03    —       ungroupable  5000    6   1
 * c7   心内 丙     03    ZX11    ok          35000   70   1    2.0  10000/10     1  HIGH      11000 -24000
 * c8   心内 丙     03    —       invalid      3000    3   1
 * </pre>
 * Township T001 has two cases of its own in the same year (t1, t2: 全科, ZX15, 800 and 1200).
 */
final class DrgAnalyticsFixture {

    static final int HAND_YEAR = 1998;
    static final int GENERATED_YEAR = 1997;
    static final int GENERATED_CASES = 3000;
    static final long BATCH = 9_000_001L;

    private final JdbcClient jdbc;
    private final CaseStore store;
    private final DrgSchemes schemes;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    DrgAnalyticsFixture(JdbcClient jdbc, CaseStore store, DrgSchemes schemes, TransactionTemplate tx,
                        ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.store = store;
        this.schemes = schemes;
        this.tx = tx;
        this.events = events;
    }

    long institution(String code) {
        return jdbc.sql("SELECT id FROM institution WHERE code = :c").param("c", code).query(Long.class).single();
    }

    /** Loads both sets once per database, then reprices (publishes the event that rebuilds the cube). */
    void loadOnce() {
        if (jdbc.sql("SELECT COUNT(*) FROM drg_case WHERE case_id = 'DA-c1'").query(Long.class).single() > 0) {
            return;
        }
        long h = institution("H001");
        long t = institution("T001");
        store(h, List.of(
                hand("DA-c1", "骨科", "甲", "1998-01-10", 12000, 12, "1"),
                hand("DA-c2", "骨科", "甲", "1998-02-10", 8000, 8, "5"),
                hand("DA-c3", "骨科", "乙", "1998-01-20", 2000, 5, "1"),
                hand("DA-c4", "骨科", "乙", "1998-02-20", 14000, 10, "1"),
                hand("DA-c5", "心内", "丙", "1998-02-25", 1000, 2, "1"),
                hand("DA-c6", "心内", "丙", "1998-03-05", 5000, 6, "1"),
                hand("DA-c7", "心内", "丙", "1998-03-15", 35000, 70, "1"),
                hand("DA-c8", "心内", "丙", "1998-03-25", 3000, 3, "1")));
        store(t, List.of(hand("DA-t1", "全科", "丁", "1998-04-01", 800, 3, "1"),
                hand("DA-t2", "全科", "丁", "1998-05-01", 1200, 4, "1")));
        price(h, "DA-c1", "ok", "ZX11", "2.0", "10000", "10", 1, "NORMAL", "11000");
        price(h, "DA-c2", "ok", "ZX11", "2.0", "10000", "10", 1, "NORMAL", "11000");
        price(h, "DA-c3", "ok", "ZX13", "0.8", "4000", "5", 2, "NORMAL", "4400");
        price(h, "DA-c4", "ok", "ZX13", "0.8", "4000", "5", 2, "HIGH", "4400");
        price(h, "DA-c5", "ok", "ZX15", "0.3", "2000", "4", 0, "LOW", "1650");
        price(h, "DA-c6", "ungroupable", null, null, null, null, null, null, null);
        price(h, "DA-c7", "ok", "ZX11", "2.0", "10000", "10", 1, "HIGH", "11000");
        price(h, "DA-c8", "invalid", null, null, null, null, null, null, null);
        price(t, "DA-t1", "ok", "ZX15", "0.3", "2000", "4", 0, "NORMAL", "1650");
        price(t, "DA-t2", "ok", "ZX15", "0.3", "2000", "4", 0, "NORMAL", "1650");

        var generator = new DischargeGenerator(SchemeCatalog.builtIn().get(schemes.schemeIdFor(h)), 17, "H001", "DA-G",
                GENERATED_YEAR);
        List<DischargeRecord> generated = new ArrayList<>();
        for (int i = 0; i < GENERATED_CASES; i++) {
            generated.add(generator.next());
        }
        store(h, generated);
        priceGenerated(h);
        repriced(Set.of(h, t));
    }

    /** Publishes what the pricing step publishes, inside a transaction; the cube is rebuilt after it commits. */
    void repriced(Set<Long> institutions) {
        tx.executeWithoutResult(s -> events.publishEvent(new DrgCasesRepriced(institutions)));
    }

    private void store(long institution, List<DischargeRecord> records) {
        DrgSchemes.Engine engine = schemes.engineFor(institution);
        List<ProcessedCase> cases = records.stream().map(r -> ProcessedCase.of(r, engine)).toList();
        tx.executeWithoutResult(s -> store.store(institution, BATCH, cases));
    }

    private static DischargeRecord hand(String caseId, String department, String doctor, String discharged, int cost, int los,
                                        String dischargeType) {
        return DischargeRecord.builder().set("case_id", caseId).set("institution", "H001").set("department", department)
                .set("attending_doctor", doctor).set("coder", "编码员").set("discharge_time", discharged + " 10:00")
                .set("admission_time", java.time.LocalDate.parse(discharged).minusDays(los) + " 09:00")
                .set("los", Integer.toString(los)).set("sex", "1").set("age", "50").set("discharge_type", dischargeType)
                .set("total_cost", cost + ".00").diagnoses(List.of(Diagnosis.of("S72.000"))).build();
    }

    /** Sets what grouping and pricing would have decided for a hand-built case. */
    private void price(long institution, String caseId, String status, String drg, String rw, String benchCost, String benchLos,
                       Integer risk, String outlier, String payment) {
        jdbc.sql("""
                        UPDATE drg_case SET group_status = :status, drg = :drg, rw = :rw, benchmark_cost = :bc, benchmark_los = :bl,
                               risk_level = :risk, outlier = :outlier, base_rate = :base, expected_payment = :pay,
                               profit_loss = :pay - total_cost
                         WHERE institution_id = :i AND case_id = :case""")
                .param("status", status).param("drg", drg, java.sql.Types.VARCHAR).param("rw", dec(rw), java.sql.Types.NUMERIC)
                .param("bc", dec(benchCost), java.sql.Types.NUMERIC).param("bl", dec(benchLos), java.sql.Types.NUMERIC)
                .param("risk", risk, java.sql.Types.SMALLINT).param("outlier", outlier, java.sql.Types.VARCHAR)
                .param("base", payment == null ? null : new BigDecimal("5500"), java.sql.Types.NUMERIC)
                .param("pay", dec(payment), java.sql.Types.NUMERIC).param("i", institution).param("case", caseId).update();
    }

    /**
     * Weights and benchmarks for the generated year from its own costs, as a weight computation
     * would derive them (RW = DRG mean cost ÷ overall mean; benchmark cost 95 % of the DRG mean;
     * benchmark stay the DRG mean stay); the first DRG gets no weight and no benchmark, so the
     * figures must leave its cases out of their denominators. Payment = RW × the overall mean.
     */
    private void priceGenerated(long institution) {
        String year = " AND discharge_month BETWEEN '" + GENERATED_YEAR + "-01' AND '" + GENERATED_YEAR + "-12'";
        BigDecimal overall = jdbc.sql("SELECT AVG(total_cost) FROM drg_case WHERE institution_id = :i AND group_status = 'ok'"
                + year).param("i", institution).query(BigDecimal.class).single();
        record Drg(String code, BigDecimal cost, BigDecimal los) {
        }
        List<Drg> drgs = jdbc.sql("SELECT drg, AVG(total_cost) AS c, AVG(CAST(los AS DOUBLE PRECISION)) AS l FROM drg_case "
                        + "WHERE institution_id = :i AND group_status = 'ok'" + year + " GROUP BY drg ORDER BY drg")
                .param("i", institution)
                .query((rs, n) -> new Drg(rs.getString(1), rs.getBigDecimal(2), BigDecimal.valueOf(rs.getDouble(3)))).list();
        for (int k = 1; k < drgs.size(); k++) {
            Drg d = drgs.get(k);
            jdbc.sql("UPDATE drg_case SET rw = :rw, benchmark_cost = :bc, benchmark_los = :bl, risk_level = :risk, base_rate = :base "
                            + "WHERE institution_id = :i AND drg = :drg" + year)
                    .param("rw", d.cost().divide(overall, 4, RoundingMode.HALF_UP))
                    .param("bc", d.cost().multiply(new BigDecimal("0.95")).setScale(2, RoundingMode.HALF_UP))
                    .param("bl", d.los().signum() == 0 ? null : d.los().setScale(2, RoundingMode.HALF_UP), java.sql.Types.NUMERIC)
                    .param("risk", (short) (k % 5)).param("base", overall.setScale(2, RoundingMode.HALF_UP))
                    .param("i", institution).param("drg", d.code()).update();
        }
        jdbc.sql("UPDATE drg_case SET expected_payment = ROUND(rw * base_rate, 2) WHERE institution_id = :i AND rw IS NOT NULL" + year)
                .param("i", institution).update();
        jdbc.sql("""
                        UPDATE drg_case SET profit_loss = expected_payment - total_cost,
                               outlier = CASE WHEN total_cost > 3 * benchmark_cost THEN 'HIGH'
                                              WHEN total_cost < 0.4 * benchmark_cost THEN 'LOW' ELSE 'NORMAL' END
                         WHERE institution_id = :i AND rw IS NOT NULL""" + year)
                .param("i", institution).update();
    }

    private static BigDecimal dec(String s) {
        return s == null ? null : new BigDecimal(s);
    }
}
