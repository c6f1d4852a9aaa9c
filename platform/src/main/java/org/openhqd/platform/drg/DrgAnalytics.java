package org.openhqd.platform.drg;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The DRG analytics cube (DRG 绩效分析汇总表, {@code drg_cube}): the cases of an institution summed per
 * discharge month, department, attending doctor, DRG and grouping status, additive sums only, so
 * that the analytics pages and API answer from a few hundred thousand rows rather than millions of
 * cases. It is rebuilt from {@code drg_case} for an institution as a whole (DELETE + INSERT … SELECT …
 * GROUP BY; the same SQL on H2 and PostgreSQL) after that institution's cases were repriced, and on
 * a manager's request after manual fixes.
 */
@Component
public class DrgAnalytics {

    /** What a rebuild did: the institutions rebuilt, the cases summed and the cube rows written. */
    public record Rebuilt(Set<Long> institutionIds, long cases, long cubeRows, long millis) {
    }

    private static final Logger log = LoggerFactory.getLogger(DrgAnalytics.class);

    /**
     * One cube row per institution, month, department, doctor, DRG and status. The consumption
     * indices are stored as sums of per-case ratios (cost ÷ the DRG's benchmark cost), because
     * Σ_i n_i·(c_i/C̄_i) = Σ over cases of cost/C̄_DRG: a sum over any set of rows is then the index's
     * numerator for that set. Ratios are taken in double precision so that H2 and PostgreSQL agree.
     */
    static final String INSERT_CUBE = """
            INSERT INTO drg_cube (grain, institution_id, discharge_month, department, attending_doctor, drg, group_status, cases,
                   eligible, eligible_grouped, grouped, deaths, weighted, rw_sum, cost_cases, cost_sum, los_cases, los_sum,
                   cost_ratio_cases, cost_ratio_sum, los_ratio_cases, los_ratio_sum, risk1_cases, risk1_deaths, risk2_cases,
                   risk2_deaths, priced, high_outliers, low_outliers, paid_cases, paid_cost_sum, expected_payment_sum,
                   profit_loss_sum)
            SELECT 'D', institution_id, discharge_month, department, attending_doctor, COALESCE(drg, ''), group_status, COUNT(*),
                   SUM(CASE WHEN group_status <> 'invalid' AND (los IS NULL OR los <= 60) THEN 1 ELSE 0 END),
                   SUM(CASE WHEN group_status = 'ok' AND (los IS NULL OR los <= 60) THEN 1 ELSE 0 END),
                   SUM(CASE WHEN group_status = 'ok' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN discharge_type = '5' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN group_status = 'ok' AND rw IS NOT NULL THEN 1 ELSE 0 END),
                   COALESCE(SUM(CASE WHEN group_status = 'ok' THEN rw END), 0),
                   COUNT(total_cost), COALESCE(SUM(total_cost), 0),
                   COUNT(los), COALESCE(SUM(los), 0),
                   SUM(CASE WHEN group_status = 'ok' AND total_cost IS NOT NULL AND benchmark_cost > 0 THEN 1 ELSE 0 END),
                   COALESCE(SUM(CASE WHEN group_status = 'ok' AND benchmark_cost > 0
                                     THEN CAST(total_cost AS DOUBLE PRECISION) / CAST(benchmark_cost AS DOUBLE PRECISION) END), 0),
                   SUM(CASE WHEN group_status = 'ok' AND los IS NOT NULL AND benchmark_los > 0 THEN 1 ELSE 0 END),
                   COALESCE(SUM(CASE WHEN group_status = 'ok' AND benchmark_los > 0
                                     THEN CAST(los AS DOUBLE PRECISION) / CAST(benchmark_los AS DOUBLE PRECISION) END), 0),
                   SUM(CASE WHEN group_status = 'ok' AND risk_level = 1 THEN 1 ELSE 0 END),
                   SUM(CASE WHEN group_status = 'ok' AND risk_level = 1 AND discharge_type = '5' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN group_status = 'ok' AND risk_level = 2 THEN 1 ELSE 0 END),
                   SUM(CASE WHEN group_status = 'ok' AND risk_level = 2 AND discharge_type = '5' THEN 1 ELSE 0 END),
                   COUNT(outlier),
                   SUM(CASE WHEN outlier = 'HIGH' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN outlier = 'LOW' THEN 1 ELSE 0 END),
                   COUNT(expected_payment),
                   COALESCE(SUM(CASE WHEN expected_payment IS NOT NULL THEN total_cost END), 0),
                   COALESCE(SUM(expected_payment), 0),
                   COALESCE(SUM(profit_loss), 0)
              FROM drg_case
             WHERE institution_id = :institution AND discharge_month IS NOT NULL
             GROUP BY institution_id, discharge_month, department, attending_doctor, COALESCE(drg, ''), group_status""";

    /** The measures of a cube row, all additive: a coarser grain is their sums. */
    static final List<String> MEASURES = List.of("cases", "eligible", "eligible_grouped", "grouped", "deaths", "weighted",
            "rw_sum", "cost_cases", "cost_sum", "los_cases", "los_sum", "cost_ratio_cases", "cost_ratio_sum", "los_ratio_cases",
            "los_ratio_sum", "risk1_cases", "risk1_deaths", "risk2_cases", "risk2_deaths", "priced", "high_outliers",
            "low_outliers", "paid_cases", "paid_cost_sum", "expected_payment_sum", "profit_loss_sum");

    /** The department grain (P) from the doctor grain (D). */
    static final String INSERT_DEPARTMENTS = rollUp("P", "department", "''");
    /** The hospital grain (H) from the doctor grain (D). */
    static final String INSERT_HOSPITAL = rollUp("H", "''", "''");

    private static String rollUp(String grain, String department, String doctor) {
        String measures = String.join(", ", MEASURES);
        String sums = MEASURES.stream().map(m -> "SUM(" + m + ")").collect(java.util.stream.Collectors.joining(", "));
        String key = "institution_id, discharge_month, " + (department.equals("''") ? "" : department + ", ") + "drg, group_status";
        return "INSERT INTO drg_cube (grain, institution_id, discharge_month, department, attending_doctor, drg, group_status, "
                + measures + ") SELECT '" + grain + "', institution_id, discharge_month, " + department + ", " + doctor
                + ", drg, group_status, " + sums + " FROM drg_cube WHERE institution_id = :institution AND grain = 'D' GROUP BY "
                + key;
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final boolean postgres;

    DrgAnalytics(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = isPostgres(dataSource);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Rebuilds the cube of these institutions, each in its own transaction (readers see the old
     * figures until the new ones are complete). Ids that are not institutions are skipped.
     */
    public Rebuilt rebuild(Set<Long> institutionIds) {
        long started = System.nanoTime();
        Set<Long> done = new TreeSet<>();
        long cases = 0;
        long rows = 0;
        for (Long id : new TreeSet<>(institutionIds)) {
            long[] r = ownTransaction.execute(status -> rebuildOne(id));
            if (r != null) {
                done.add(id);
                cases += r[0];
                rows += r[1];
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info("DRG analytics cube rebuilt for institutions {}: {} cases, {} rows, {} ms", done, cases, rows, millis);
        return new Rebuilt(done, cases, rows, millis);
    }

    /** The institutions that have stored cases (what a rebuild of "everything in scope" covers). */
    public List<Long> institutionsWithCases() {
        return jdbc.sql("SELECT id FROM institution i WHERE EXISTS (SELECT 1 FROM drg_case c WHERE c.institution_id = i.id) "
                + "ORDER BY id").query(Long.class).list();
    }

    /** After the weights and payment of cases were recomputed, once that transaction committed. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onRepriced(DrgCasesRepriced event) {
        rebuild(event.institutionIds());
    }

    private static boolean isPostgres(javax.sql.DataSource dataSource) {
        try (java.sql.Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot tell the database product", e);
        }
    }

    /** {cases, rows} for one institution, or null when the id is no institution. */
    private long[] rebuildOne(long institutionId) {
        if (jdbc.sql("SELECT COUNT(*) FROM institution WHERE id = :i").param("i", institutionId).query(Long.class).single() == 0) {
            return null;
        }
        long started = System.nanoTime();
        // the build row is the lock: a second rebuild of the institution waits here until this one commits,
        // so the two never delete and insert into each other's half-written cube
        jdbc.sql("INSERT INTO drg_cube_build (institution_id) VALUES (:i) ON CONFLICT DO NOTHING")
                .param("i", institutionId).update();
        jdbc.sql("SELECT institution_id FROM drg_cube_build WHERE institution_id = :i FOR UPDATE")
                .param("i", institutionId).query(Long.class).single();
        jdbc.sql("DELETE FROM drg_cube WHERE institution_id = :i").param("i", institutionId).update();
        long rows = jdbc.sql(INSERT_CUBE).param("institution", institutionId).update();
        rows += jdbc.sql(INSERT_DEPARTMENTS).param("institution", institutionId).update();
        rows += jdbc.sql(INSERT_HOSPITAL).param("institution", institutionId).update();
        if (postgres) {
            // fresh statistics now, not at autovacuum's next round: the planner must see the new row counts
            jdbc.sql("ANALYZE drg_cube").update();
        }
        long cases = jdbc.sql("SELECT COALESCE(SUM(cases), 0) FROM drg_cube WHERE institution_id = :i AND grain = 'H'")
                .param("i", institutionId).query(Long.class).single();
        long millis = (System.nanoTime() - started) / 1_000_000;
        jdbc.sql("UPDATE drg_cube_build SET built_at = :at, case_count = :cases, cube_rows = :rows, millis = :ms, "
                        + "first_month = (SELECT MIN(discharge_month) FROM drg_cube WHERE institution_id = :i AND grain = 'H'), "
                        + "last_month = (SELECT MAX(discharge_month) FROM drg_cube WHERE institution_id = :i AND grain = 'H') "
                        + "WHERE institution_id = :i")
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).param("cases", cases)
                .param("rows", rows).param("ms", millis).param("i", institutionId).update();
        return new long[] {cases, rows};
    }
}
