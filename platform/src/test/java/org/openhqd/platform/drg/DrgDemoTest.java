package org.openhqd.platform.drg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhqd.platform.support.DemoPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@DemoPlatformTest
class DrgDemoTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDemoHospitalHasAYearOfGroupedDischargesWithCodingErrors() {
        Map<String, Object> figures = jdbc.sql("""
                SELECT COUNT(*) AS cases, COUNT(DISTINCT drg) AS drgs, COUNT(DISTINCT department) AS departments,
                       COUNT(DISTINCT discharge_month) AS months, SUM(CASE WHEN group_status = 'ok' THEN 1 ELSE 0 END) AS grouped,
                       SUM(qc_group_changes) AS group_changes, MIN(scheme_id) AS scheme, COUNT(patient_id_enc) AS ids,
                       MAX(patient_id_masked) AS masked
                  FROM drg_case c JOIN institution i ON i.id = c.institution_id WHERE i.code = 'H001'""").query().singleRow();
        assertThat(((Number) figures.get("cases")).longValue()).isEqualTo(3000);
        assertThat(((Number) figures.get("grouped")).longValue()).isGreaterThan(2700);
        assertThat(((Number) figures.get("drgs")).longValue()).isGreaterThan(200);
        assertThat(((Number) figures.get("departments")).longValue()).isGreaterThan(15);
        assertThat(((Number) figures.get("months")).longValue()).isEqualTo(12);
        assertThat(((Number) figures.get("group_changes")).longValue()).isPositive();
        assertThat(figures.get("scheme")).isEqualTo("chs-drg-1.1");
        assertThat(((Number) figures.get("ids")).longValue()).isEqualTo(3000);
        assertThat((String) figures.get("masked")).contains("*");
        long findings = jdbc.sql("SELECT COUNT(*) FROM drg_qc_finding").query(Long.class).single();
        long ruleKinds = jdbc.sql("SELECT COUNT(DISTINCT rule_id) FROM drg_qc_finding").query(Long.class).single();
        assertThat(findings).isGreaterThan(300);
        assertThat(ruleKinds).isGreaterThan(8);
        assertThat(jdbc.sql("SELECT status FROM drg_import_batch").query(String.class).list()).containsExactly("COMMITTED");
    }
}
