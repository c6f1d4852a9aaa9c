package org.openhqd.platform.drg;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhqd.casemix.drg.SchemeCatalog;
import org.openhqd.platform.support.Api;
import org.openhqd.platform.support.PostgresTestDatabase;
import org.openhqd.platform.support.RequiresPostgres;
import org.openhqd.quality.DischargeRecord;
import org.openhqd.quality.synthetic.DischargeGenerator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Not a test (the name keeps it out of the test run): the case list, the findings summary and a
 * re-grouping with a million stored cases on PostgreSQL, timed. Run it by hand:
 * {@code ./mvnw -q -B test -pl platform -am -Dtest=DrgScaleBench -Dsurefire.failIfNoSpecifiedTests=false
 * -Dhqd.bench.cases=1000000}; figures go to standard output (docs/performance.md).
 */
@RequiresPostgres(schema = DrgScaleBench.SCHEMA)
@SpringBootTest(properties = {"hqd.demo=true", "hqd.demo.patients=500", "hqd.demo.drg-cases=0",
        "hqd.data-dir=target/test-data-bench",
        "hqd.appointments.no-show-schedule=false", "hqd.appointments.jobs=false", "hqd.referral.jobs=false"})
@AutoConfigureMockMvc
class DrgScaleBench {

    static final String SCHEMA = "hqd_drg_bench";

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, SCHEMA);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    CaseStore store;
    @Autowired
    DrgSchemes schemes;

    @Test
    void aMillionCases() throws Exception {
        int n = Integer.getInteger("hqd.bench.cases", 1_000_000);
        DrgCaseFixture fixture = new DrgCaseFixture(jdbc, tx, store, schemes);
        long hospital = fixture.institutionId("H001");
        jdbc.sql("DELETE FROM drg_setting WHERE institution_id = :i").param("i", hospital).update();
        jdbc.sql("INSERT INTO drg_setting (institution_id, scheme_id, updated_by, updated_at) VALUES (:i, 'beijing-2022', 'bench', "
                + "CURRENT_TIMESTAMP)").param("i", hospital).update();
        long t0 = System.nanoTime();
        // three years of a large hospital's discharges, stored in batches as an import would
        DischargeGenerator[] years = new DischargeGenerator[3];
        for (int y = 0; y < 3; y++) {
            years[y] = new DischargeGenerator(SchemeCatalog.builtIn().get("chs-drg-1.1"), 100 + y, "H001", "B" + (2023 + y) + "-", 2023 + y);
        }
        // stored through CaseStore up to 50,000; beyond, copies of those made in SQL (new row ids and case ids,
        // findings with them): the queries and the re-grouping see a million distinct rows either way
        int seed = Math.min(n, 50_000);
        for (int done = 0; done < seed; ) {
            int k = Math.min(10_000, seed - done);
            List<DischargeRecord> batch = new ArrayList<>(k);
            for (int i = 0; i < k; i++) {
                batch.add(years[(done + i) % 3].next());
            }
            fixture.store("H001", "beijing-2022", batch);
            done += k;
        }
        long offset = 1_000_000_000L;
        for (int copy = 1; copy * seed < n; copy++) {
            int take = Math.min(seed, n - copy * seed);
            long c = copy;
            tx.executeWithoutResult(st -> {
                jdbc.sql("INSERT INTO drg_case (id, institution_id, case_id, batch_id, patient_id_enc, patient_id_masked, department, "
                        + "attending_doctor, coder, admission_time, discharge_time, discharge_month, los, sex, age, age_days, discharge_type, "
                        + "insurance_type, principal_dx, principal_proc, total_cost, drug_cost, material_cost, examination_cost, service_cost, "
                        + "other_cost, fund_payment, source_record, scheme_id, scheme_version, group_status, mdc, adrg, drg, grouped_at, "
                        + "qc_errors, qc_warnings, qc_infos, qc_group_changes) SELECT id + :off, institution_id, case_id || '-' || :c, batch_id, "
                        + "patient_id_enc, patient_id_masked, department, attending_doctor, coder, admission_time, discharge_time, "
                        + "discharge_month, los, sex, age, age_days, discharge_type, insurance_type, principal_dx, principal_proc, total_cost, "
                        + "drug_cost, material_cost, examination_cost, service_cost, other_cost, fund_payment, source_record, scheme_id, "
                        + "scheme_version, group_status, mdc, adrg, drg, grouped_at, qc_errors, qc_warnings, qc_infos, qc_group_changes "
                        + "FROM drg_case WHERE id < :off ORDER BY id LIMIT :take")
                        .param("off", offset * c).param("c", Long.toString(c)).param("take", take).update();
                jdbc.sql("INSERT INTO drg_qc_finding (case_row_id, institution_id, rule_id, rule_version, category, severity, field, "
                        + "value_masked, message_zh, message_en, fix_zh, fix_en, group_before, group_after, changes_group, discharge_month, "
                        + "department, coder) SELECT "
                        + "f.case_row_id + :off, f.institution_id, f.rule_id, f.rule_version, f.category, f.severity, f.field, f.value_masked, "
                        + "f.message_zh, f.message_en, f.fix_zh, f.fix_en, f.group_before, f.group_after, f.changes_group, f.discharge_month, "
                        + "f.department, f.coder "
                        + "FROM drg_qc_finding f WHERE f.case_row_id + :off IN (SELECT id FROM drg_case WHERE id >= :off AND id < :off + :off)")
                        .param("off", offset * c).update();
            });
        }
        jdbc.sql("ANALYZE drg_case").update();
        jdbc.sql("ANALYZE drg_qc_finding").update();
        long findings = jdbc.sql("SELECT COUNT(*) FROM drg_qc_finding").query(Long.class).single();
        long cases = jdbc.sql("SELECT COUNT(*) FROM drg_case").query(Long.class).single();
        System.out.printf("BENCH stored %,d cases (%,d through CaseStore, the rest copied in SQL) with %,d findings in %.1f s%n", cases,
                seed, findings, (System.nanoTime() - t0) / 1e9);

        String token = Api.token(mvc, "demo-insurance");
        String doctor = jdbc.sql("SELECT attending_doctor FROM drg_case ORDER BY id LIMIT 1").query(String.class).single();
        String dept = jdbc.sql("SELECT department FROM drg_case ORDER BY id LIMIT 1").query(String.class).single();
        String drg = jdbc.sql("SELECT drg FROM drg_case WHERE drg IS NOT NULL ORDER BY id LIMIT 1").query(String.class).single();
        long middle = jdbc.sql("SELECT id FROM drg_case ORDER BY id LIMIT 1 OFFSET " + n / 2).query(Long.class).single();
        String[] urls = {
            "/api/v1/drg/cases",
            "/api/v1/drg/cases?after=" + middle,
            "/api/v1/drg/cases?from=2024-03&to=2024-05",
            "/api/v1/drg/cases?department=" + dept + "&doctor=" + doctor + "&from=2024-01&to=2024-12",
            "/api/v1/drg/cases?drg=" + drg + "&from=2025-01&to=2025-12",
            "/api/v1/drg/cases?coder=编码员冯&severity=ERROR",
            "/api/v1/drg/cases?rule=QC-401",
            "/api/v1/drg/cases?changing=true&from=2025-06&to=2025-06",
            "/api/v1/drg/findings/summary?from=2025-01&to=2025-12",
            "/api/v1/drg/findings/summary?from=2025-06&to=2025-06",
            "/api/v1/drg/findings?severity=ERROR",
        };
        for (String url : urls) {
            long[] ms = new long[7];
            for (int i = 0; i < ms.length; i++) {
                long s = System.nanoTime();
                int status = mvc.perform(get(url).header("Authorization", Api.bearer(token))).andReturn().getResponse().getStatus();
                ms[i] = (System.nanoTime() - s) / 1_000_000;
                if (status != 200) {
                    throw new AssertionError(url + " " + status);
                }
            }
            long[] warm = Arrays.copyOfRange(ms, 2, ms.length);
            Arrays.sort(warm);
            System.out.printf("BENCH %-80s first %5d ms, then median %5d ms, max %5d ms%n", url, ms[0], warm[warm.length / 2],
                    warm[warm.length - 1]);
        }

        long r0 = System.nanoTime();
        String started = mvc.perform(post("/api/v1/drg/regroup").header("Authorization", Api.bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content("{\"scheme\":\"chs-drg-1.1\"}")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        long run = ((Number) JsonPath.read(started, "$.id")).longValue();
        String status = "QUEUED";
        String body = started;
        while (status.equals("QUEUED") || status.equals("RUNNING")) {
            Thread.sleep(1000);
            body = mvc.perform(get("/api/v1/drg/regroup/" + run).header("Authorization", Api.bearer(token))).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            status = JsonPath.read(body, "$.status");
        }
        double seconds = (System.nanoTime() - r0) / 1e9;
        long done = ((Number) JsonPath.read(body, "$.cases_done")).longValue();
        System.out.printf("BENCH regrouped %,d cases beijing-2022 -> chs-drg-1.1 in %.1f s (%,.0f cases/s), %s, %,d changed%n", done,
                seconds, done / seconds, status, ((Number) JsonPath.read(body, "$.cases_changed")).longValue());
    }
}
