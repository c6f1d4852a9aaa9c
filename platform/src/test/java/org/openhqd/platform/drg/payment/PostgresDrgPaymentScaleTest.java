package org.openhqd.platform.drg.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openhqd.platform.drg.CaseStore;
import org.openhqd.platform.drg.DrgSchemes;
import org.openhqd.platform.drg.ProcessedCase;
import org.openhqd.platform.drg.WeightSet;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.StaffPrincipal;
import org.openhqd.platform.support.PostgresTestDatabase;
import org.openhqd.platform.support.RequiresPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Measurement, not a check of speed: computing a weight set from 1,000,000 cases and repricing them
 * on PostgreSQL (docs/performance.md, "#6 DRG weights and repricing"). 20,000 synthetic cases over
 * two years are imported as an import writes them, then copied 50 times with their cost varied by
 * ±10 %. Runs only with {@code -Dhqd.bench.drg-payment=true}; the schema is dropped afterwards
 * unless {@code -Dhqd.bench.keep=true}.
 */
@EnabledIfSystemProperty(named = "hqd.bench.drg-payment", matches = "true")
@RequiresPostgres(schema = PostgresDrgPaymentScaleTest.SCHEMA)
@SpringBootTest(properties = {"hqd.demo=true", "hqd.demo.patients=200", "hqd.data-dir=target/test-data-pg-payment-scale",
        "hqd.appointments.no-show-schedule=false", "hqd.appointments.jobs=false", "hqd.referral.jobs=false"})
class PostgresDrgPaymentScaleTest {

    static final String SCHEMA = "hqd_drg_payment_scale";
    private static final int SEED_CASES = 10_000;   // per year, two years
    private static final int COPIES = 50;           // 20,000 × 50 = 1,000,000

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, SCHEMA);
    }

    @AfterAll
    static void dropSchema() throws Exception {
        if (Boolean.getBoolean("hqd.bench.keep")) {
            return; // left for a look at the plans (psql, search_path hqd_drg_payment_scale)
        }
        try (Connection c = DriverManager.getConnection(PostgresTestDatabase.URL, PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    CaseStore store;
    @Autowired
    DrgSchemes schemes;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    DrgPaymentActions actions;
    @Autowired
    Repricing repricing;
    @Autowired
    DrgPaymentQueries queries;

    @Test
    void computeAndRepriceAMillionCases() {
        PaymentFixture f = new PaymentFixture(jdbc, tx, store, schemes, publisher, "SCALE");
        List<ProcessedCase> seed = new ArrayList<>(f.generate(51, 2024, SEED_CASES));
        seed.addAll(f.generate(52, 2025, SEED_CASES));
        for (int from = 0; from < seed.size(); from += 5000) {
            f.importCases(f.hospital, seed.subList(from, Math.min(seed.size(), from + 5000)));
        }
        long t = System.nanoTime();
        jdbc.sql("""
                        INSERT INTO drg_case (id, institution_id, case_id, batch_id, patient_id_enc, patient_id_masked, department,
                               attending_doctor, coder, admission_time, discharge_time, discharge_month, los, sex, age, age_days,
                               discharge_type, insurance_type, principal_dx, principal_proc, total_cost, drug_cost, material_cost,
                               examination_cost, service_cost, other_cost, fund_payment, source_record, scheme_id, scheme_version,
                               group_status, mdc, adrg, drg, grouped_at, qc_errors, qc_warnings, qc_infos, qc_group_changes)
                        SELECT c.id + g * 10000000000, institution_id, case_id || '-' || g, batch_id, patient_id_enc, patient_id_masked,
                               department, attending_doctor, coder, admission_time, discharge_time, discharge_month, los, sex, age,
                               age_days, discharge_type, insurance_type, principal_dx, principal_proc,
                               ROUND(total_cost * (0.9 + 0.2 * random())::numeric, 2), drug_cost, material_cost, examination_cost,
                               service_cost, other_cost, fund_payment, source_record, scheme_id, scheme_version, group_status, mdc,
                               adrg, drg, grouped_at, qc_errors, qc_warnings, qc_infos, qc_group_changes
                          FROM drg_case c CROSS JOIN generate_series(1, :copies) g WHERE c.institution_id = :i""")
                .param("copies", COPIES - 1).param("i", f.hospital).update();
        jdbc.sql("ANALYZE drg_case").update();
        long copied = System.nanoTime() - t;
        long cases = jdbc.sql("SELECT COUNT(*) FROM drg_case WHERE institution_id = :i").param("i", f.hospital)
                .query(Long.class).single();
        assertThat(cases).isEqualTo((long) SEED_CASES * 2 * COPIES);

        StaffPrincipal admin = f.principal("admin");
        List<String> lines = new ArrayList<>();
        lines.add(line("cases in the institution (copied in %.1f s)".formatted(copied / 1e9), cases, 0));

        t = System.nanoTime();
        WeightSet set = CurrentUser.runAs(admin, () -> actions.compute(admin, "chs-drg-1.1", WeightParameters.defaults(), null,
                null, false));
        lines.add(line("compute a weight set (stream, trim, weigh, store; not activated)", set.drgsWeighted(), System.nanoTime() - t));

        t = System.nanoTime();
        CurrentUser.runAs(admin, () -> actions.activate(admin, set.id()));
        long activated = System.nanoTime() - t;
        long changed = jdbc.sql("SELECT COUNT(*) FROM drg_case WHERE weight_set_id = :s").param("s", set.id()).query(Long.class).single();
        lines.add(line("activate it: reprice every case (MERGE, all rows change)", changed, activated));

        t = System.nanoTime();
        long unchanged = tx.execute(s -> repricing.reprice(java.util.Set.of(f.hospital)));
        lines.add(line("reprice again, nothing changed (rows compared, none written)", unchanged, System.nanoTime() - t));

        t = System.nanoTime();
        CurrentUser.runAs(admin, () -> actions.saveSettings(admin, new PaymentSettingsRequest(2025, new java.math.BigDecimal("11000"),
                new java.math.BigDecimal("9500"), null, null, null, null, null, null, null, null, null, null)
                .toSettings(actions.settingsDefaults())));
        lines.add(line("save 2025 rates: reprice (2025 cases change)", -1, System.nanoTime() - t));

        t = System.nanoTime();
        DrgPaymentQueries.Figures fig = queries.figures(admin, 2025);
        lines.add(line("profit/loss and sensitivity of the 2025 cases (page query)", fig.priced(), System.nanoTime() - t));

        // one more import of 10,000 cases into the million: written alone, then written and priced (the listener, its batch only)
        List<ProcessedCase> more = f.generate(53, 2025, 20_000);
        t = System.nanoTime();
        tx.executeWithoutResult(s -> store.store(f.hospital, 0, more.subList(0, 10_000)));
        lines.add(line("store an import batch of 10,000 cases (no pricing)", 10_000, System.nanoTime() - t));
        t = System.nanoTime();
        f.importCases(f.hospital, more.subList(10_000, 20_000));
        lines.add(line("store and price an import batch of 10,000 cases (listener, batch only)", 10_000, System.nanoTime() - t));

        System.out.println("\n#6 DRG weights and repricing on PostgreSQL, " + cases + " cases\n" + String.join("\n", lines) + "\n");
    }

    private static String line(String what, long n, long nanos) {
        return String.format(Locale.ROOT, "| %-70s | %9s | %8.2f s |", what, n < 0 ? "" : Long.toString(n), nanos / 1e9);
    }
}
