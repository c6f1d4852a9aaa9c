package org.openhqd.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhqd.platform.patient.IdNumber;
import org.openhqd.platform.support.Api;
import org.openhqd.platform.support.RequiresPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The same migrations, repositories and API on a real PostgreSQL: the schema is created by
 * Flyway from scratch, the demo community loads, scoped queries and the audit trail behave as on H2.
 */
@RequiresPostgres
@SpringBootTest(properties = {"hqd.demo=true", "hqd.demo.patients=2000", "hqd.data-dir=target/test-data-pg"})
@AutoConfigureMockMvc
class PostgresPlatformTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        org.openhqd.platform.support.PostgresTestDatabase.register(registry, RequiresPostgres.SCHEMA);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void migrationsRanAndDemoLoaded() throws Exception {
        // every shipped migration ran, in order, and none failed
        List<String> applied = jdbc.sql("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")
                .query(String.class).list();
        assertThat(applied).isNotEmpty().isSortedAccordingTo(java.util.Comparator.comparingInt(Integer::parseInt));
        // the versions shipped on the classpath, not 1..n: parallel branches take versions out of order
        assertThat(applied).containsExactlyElementsOf(shippedVersions());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE NOT success").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT current_schema()").query(String.class).single()).isEqualTo(RequiresPostgres.SCHEMA);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM institution").query(Long.class).single()).isEqualTo(41);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM patient WHERE name <> '王测试'").query(Long.class).single()).isBetween(1990L, 2000L);
    }

    @Test
    void scopedApiWorksOnPostgres() throws Exception {
        String a = Api.token(mvc, "demo-doctor-a");
        String b = Api.token(mvc, "demo-doctor-b");
        long township = jdbc.sql("SELECT id FROM institution WHERE code = 'T001'").query(Long.class).single();
        String first17 = "99010319900101002";
        String id = first17 + IdNumber.checkCharacter(first17);
        String created = mvc.perform(post("/api/v1/patients").header("Authorization", Api.bearer(a)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"institutionId\":" + township + ",\"name\":\"王测试\",\"idNumber\":\"" + id + "\",\"insuranceType\":\"EMPLOYEE\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long patient = ((Number) com.jayway.jsonpath.JsonPath.read(created, "$.id")).longValue();
        mvc.perform(get("/api/v1/patients/" + patient).header("Authorization", Api.bearer(a)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.idNumber").value(IdNumber.mask(id)));
        mvc.perform(get("/api/v1/patients/" + patient).header("Authorization", Api.bearer(b))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/patients").param("size", "200").header("Authorization", Api.bearer(a)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.totalElements").isNumber());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE patient_id = :p AND action = 'READ'").param("p", patient)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void auditTrailIsAppendOnlyAtTheDatabase() throws Exception {
        Api.token(mvc, "demo-auditor");
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET actor = 'x'").update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event").update()).hasMessageContaining("append-only");
    }

    /** The versions of the common and PostgreSQL migrations on the classpath, in order. */
    static List<String> shippedVersions() throws java.io.IOException {
        var resolver = new org.springframework.core.io.support.PathMatchingResourcePatternResolver();
        return java.util.stream.Stream.of("common", "postgresql")
                .flatMap(dir -> {
                    try {
                        return java.util.Arrays.stream(resolver.getResources("classpath:db/migration/" + dir + "/V*__*.sql"));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .map(r -> r.getFilename().substring(1, r.getFilename().indexOf("__")))
                .sorted(java.util.Comparator.comparingInt(Integer::parseInt)).toList();
    }
}
