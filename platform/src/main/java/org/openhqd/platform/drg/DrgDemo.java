package org.openhqd.platform.drg;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openhqd.casemix.drg.SchemeCatalog;
import org.openhqd.platform.organization.Institution;
import org.openhqd.platform.organization.Organizations;
import org.openhqd.platform.security.DataScope;
import org.openhqd.quality.synthetic.DischargeGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A year of synthetic discharges of the demo county hospital (last calendar year, about 2,000 a
 * month), imported as one batch: realistic DRG mix, costs that differ by department and doctor, and
 * the coding errors a 质控办 finds (symptom as principal, missing procedure dates, stays that do not
 * match the dates, breakdowns that do not add up). The hospital is set to group with CHS-DRG 1.1.
 * Seeded: same seed, same cases. No real person's data.
 */
@Component
public class DrgDemo {

    private static final Logger log = LoggerFactory.getLogger(DrgDemo.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int CHUNK = 1000;

    private final Organizations organizations;
    private final DrgSchemes schemes;
    private final CaseStore store;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DrgDemo(Organizations organizations, DrgSchemes schemes, CaseStore store, JdbcClient jdbc,
            ApplicationEventPublisher events, Clock clock) {
        this.organizations = organizations;
        this.schemes = schemes;
        this.store = store;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Loads {@code cases} discharges of last year for the hospital with this code.
     *
     * @return the import batch id
     */
    @Transactional
    public long load(String hospitalCode, long seed, int cases) {
        long started = System.nanoTime();
        Institution hospital = organizations.institutions(DataScope.everything()).stream()
                .filter(i -> i.code().equals(hospitalCode)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no institution " + hospitalCode));
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        String scheme = schemes.defaultSchemeId();
        jdbc.sql("INSERT INTO drg_setting (institution_id, scheme_id, updated_by, updated_at) VALUES (:i, :s, 'demo-loader', :t)")
                .param("i", hospital.id()).param("s", scheme).param("t", now).update();
        DrgSchemes.Engine engine = schemes.engine(scheme);
        int year = LocalDate.now(clock.withZone(CHINA)).getYear() - 1;
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO drg_import_batch (community_id, institution_id, file_name, format, status, started_by, started_at)
                        VALUES (:c, :i, :f, 'CSV', 'RUNNING', 'demo-loader', :t)""")
                .param("c", hospital.communityId()).param("i", hospital.id()).param("f", "演示数据-" + year + "年出院病例.csv")
                .param("t", now).update(keys, "id");
        long batch = keys.getKey().longValue();
        DischargeGenerator generator = new DischargeGenerator(SchemeCatalog.builtIn().get(scheme), seed, hospitalCode, "ZY", year);
        CaseStore.Written written = new CaseStore.Written(0, 0);
        List<ProcessedCase> chunk = new ArrayList<>(CHUNK);
        for (int i = 0; i < cases; i++) {
            chunk.add(ProcessedCase.of(generator.next(), engine));
            if (chunk.size() == CHUNK || i == cases - 1) {
                written = written.plus(store.store(hospital.id(), batch, chunk));
                chunk.clear();
            }
        }
        jdbc.sql("""
                        UPDATE drg_import_batch SET status = 'COMMITTED', rows_read = :n, rows_accepted = :n,
                               cases_inserted = :ins, cases_updated = :upd, finished_at = :t WHERE id = :b""")
                .param("n", (long) cases).param("ins", written.inserted()).param("upd", written.updated())
                .param("t", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).param("b", batch).update();
        events.publishEvent(new DrgCasesChanged(Set.of(hospital.id()), batch));
        log.info("DRG demo: {} discharges of {} for {} in {} ms", cases, year, hospitalCode,
                (System.nanoTime() - started) / 1_000_000);
        return batch;
    }
}
