package org.openhqd.platform.outpatient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhqd.platform.support.Api;
import org.openhqd.platform.support.DemoPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Hand-computed fixtures in 2001 (no other test books that far back), checked value by value.
 *
 * <p>County hospital H001, department 0301, January 2001 (Beijing time):
 * <ul>
 *   <li>session A (doctor X, 15 Jan), slot 09:00, pools APP 3, WINDOW 2, REFERRAL 1 released, CLINIC 2 not yet released:
 *     a1 SEEN arrived 08:40 called 09:10 (early: waits from 09:00 → 10 min); a2 SEEN 09:05 → 09:20 (15 min);
 *     a3 CALLED 08:50 → 08:55 (called before the slot: 0 min); a4 WINDOW NO_SHOW; a5 WINDOW CANCELLED by the patient;</li>
 *   <li>session B (no doctor, 15 Jan), slot 09:30, pool APP 3: a6 CHECKED_IN 09:20 (due, not yet called);</li>
 *   <li>session C (doctor X, 16 Jan) STOPPED, slot 09:00, pool APP 3: h1, h2 CANCELLED_BY_HOSPITAL (h1 had checked in).</li>
 * </ul>
 * Imported visit totals: 15 Jan 10, 16 Jan 5. So: appointment rate 3/15 = 20 %; mean wait 25/3 = 8.33 min;
 * no-show 1/5 = 20 % (not 1/7 or 3/7: hospital cancellations are in neither part); pools APP 4/6, WINDOW 1/2,
 * REFERRAL 0/1, no CLINIC (not released; the stopped session's pool is withdrawn).
 *
 * <p>Department 0302, 20 Jan, slot 10:00: b1 SEEN 10:00 → 10:40 (40 min), no visit totals. Institution: mean wait
 * (25 + 40) / 4 = 16.25 (an average of the departments' means would be 24.17).
 *
 * <p>Department 0303: a slot at 23:30 on 31 March (m1 NO_SHOW) and at 00:30 on 1 April (m2 NO_SHOW, m3 SEEN 00:20 →
 * 00:50: 20 min) — 00:30 Beijing is still 31 March in UTC. Township T001, department 02, 10 Jan: t1 SEEN 08:55 → 09:05.
 */
@DemoPlatformTest
class OutpatientIndicatorsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    static boolean loaded;
    static long hospital;
    static long dept0301;
    static long dept0302;
    static long dept0303;
    static long township;
    static Long doctorX;

    @BeforeEach
    void fixture() throws Exception {
        if (loaded) {
            return;
        }
        OutpatientFixture f = new OutpatientFixture(jdbc);
        hospital = f.institution("H001");
        township = f.institution("T001");
        dept0301 = f.department("H001", "0301");
        dept0302 = f.department("H001", "0302");
        dept0303 = f.department("H001", "0303");
        doctorX = jdbc.sql("SELECT MIN(id) FROM staff WHERE department_id = :d AND role = 'DOCTOR'").param("d", dept0301)
                .query(Long.class).single();
        LocalDate jan15 = LocalDate.of(2001, 1, 15);

        long a = f.session(hospital, dept0301, doctorX, jan15, "OPEN");
        long s1 = f.slot(a, jan15.atTime(9, 0));
        long app = f.pool(s1, "APP", 3, true);
        long window = f.pool(s1, "WINDOW", 2, true);
        f.pool(s1, "REFERRAL", 1, true);
        f.pool(s1, "CLINIC", 2, false);
        f.appointment(s1, app, "APP", "SEEN", jan15.atTime(8, 40), jan15.atTime(9, 10));
        f.appointment(s1, app, "APP", "SEEN", jan15.atTime(9, 5), jan15.atTime(9, 20));
        f.appointment(s1, app, "APP", "CALLED", jan15.atTime(8, 50), jan15.atTime(8, 55));
        f.appointment(s1, window, "WINDOW", "NO_SHOW", null, null);
        f.appointment(s1, window, "WINDOW", "CANCELLED", null, null);

        long b = f.session(hospital, dept0301, null, jan15, "OPEN");
        long s2 = f.slot(b, jan15.atTime(9, 30));
        f.appointment(s2, f.pool(s2, "APP", 3, true), "APP", "CHECKED_IN", jan15.atTime(9, 20), null);

        LocalDate jan16 = jan15.plusDays(1);
        long c = f.session(hospital, dept0301, doctorX, jan16, "STOPPED");
        long s3 = f.slot(c, jan16.atTime(9, 0));
        long stoppedPool = f.pool(s3, "APP", 3, true);
        f.appointment(s3, stoppedPool, "APP", "CANCELLED_BY_HOSPITAL", jan16.atTime(8, 45), null);
        f.appointment(s3, stoppedPool, "APP", "CANCELLED_BY_HOSPITAL", null, null);

        LocalDate jan20 = LocalDate.of(2001, 1, 20);
        long s4 = f.slot(f.session(hospital, dept0302, null, jan20, "OPEN"), jan20.atTime(10, 0));
        f.appointment(s4, f.pool(s4, "APP", 3, true), "APP", "SEEN", jan20.atTime(10, 0), jan20.atTime(10, 40));

        LocalDate mar31 = LocalDate.of(2001, 3, 31);
        long s5 = f.slot(f.session(hospital, dept0303, null, mar31, "OPEN"), mar31.atTime(23, 30));
        f.appointment(s5, f.pool(s5, "APP", 3, true), "APP", "NO_SHOW", null, null);
        LocalDate apr1 = LocalDate.of(2001, 4, 1);
        long s6 = f.slot(f.session(hospital, dept0303, null, apr1, "OPEN"), apr1.atTime(0, 30));
        long p6 = f.pool(s6, "APP", 3, true);
        f.appointment(s6, p6, "APP", "NO_SHOW", null, null);
        f.appointment(s6, p6, "APP", "SEEN", apr1.atTime(0, 20), apr1.atTime(0, 50));

        LocalDate jan10 = LocalDate.of(2001, 1, 10);
        long townDept = f.department("T001", "02");
        long s7 = f.slot(f.session(township, townDept, null, jan10, "OPEN"), jan10.atTime(9, 0));
        f.appointment(s7, f.pool(s7, "APP", 3, true), "APP", "SEEN", jan10.atTime(8, 55), jan10.atTime(9, 5));

        String csv = VisitCountCsv.HEADER + "\nH001,0301,2001-01-15,10\nH001,0301,2001-01-16,5\nH001,0303,2001-03-31,4\n";
        mvc.perform(post("/api/v1/outpatient/visit-counts").header("Authorization", Api.bearer(Api.token(mvc, "demo-admin")))
                .contentType("text/csv").content(csv)).andExpect(status().isOk());
        loaded = true;
    }

    private String indicators(String user, String query) throws Exception {
        return mvc.perform(get("/api/v1/outpatient/indicators?" + query).header("Authorization", Api.bearer(Api.token(mvc, user))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> row(String json, String list, String condition) {
        List<Map<String, Object>> rows = JsonPath.read(json, "$." + list + "[?(" + condition + ")]");
        assertThat(rows).as("%s where %s", list, condition).hasSize(1);
        return rows.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> value(Map<String, Object> row, String indicator) {
        return (Map<String, Object>) row.get(indicator);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> pool(Map<String, Object> row, String channel) {
        return ((Map<String, Map<String, Object>>) row.get("poolUtilisation")).get(channel);
    }

    private static void expect(Map<String, Object> v, double numerator, double denominator, Double value, String status) {
        assertThat(((Number) v.get("numerator")).doubleValue()).as("numerator of %s", v).isEqualTo(numerator);
        assertThat(((Number) v.get("denominator")).doubleValue()).as("denominator of %s", v).isEqualTo(denominator);
        assertThat(v.get("value") == null ? null : ((Number) v.get("value")).doubleValue()).as("value of %s", v).isEqualTo(value);
        assertThat(v.get("status")).isEqualTo(status);
    }

    @Test
    void departmentValuesAreExactlyTheHandComputedOnes() throws Exception {
        String json = indicators("demo-admin", "from=2001-01&to=2001-01&level=department&institution=" + hospital);
        Map<String, Object> d = row(json, "rows", "@.departmentId == " + dept0301);
        assertThat(d.get("visitTotal")).isEqualTo(15);
        assertThat(d.get("visitDays")).isEqualTo(2);
        expect(value(d, "appointmentRate"), 3, 15, 20.0, "OK");
        // early arrival (08:40 for 09:00) waits from the slot start: 10 + 15 + 0 minutes, not 30 + 15 + 5
        expect(value(d, "meanWaitMinutes"), 25, 3, 8.33, "OK");
        expect(pool(d, "APP"), 4, 6, 66.67, "OK");
        expect(pool(d, "WINDOW"), 1, 2, 50.0, "OK");
        expect(pool(d, "REFERRAL"), 0, 1, 0.0, "OK");
        assertThat(pool(d, "CLINIC")).as("a pool not yet released has released nothing").isNull();
    }

    @Test
    void hospitalCancellationsAreNeitherNoShowsNorDue() throws Exception {
        String json = indicators("demo-admin", "from=2001-01&to=2001-01&level=department&institution=" + hospital);
        Map<String, Object> d = row(json, "rows", "@.departmentId == " + dept0301);
        // 1 no-show of a1, a2, a3, a4, a6; the two CANCELLED_BY_HOSPITAL and the patient's own cancellation are not due
        expect(value(d, "noShowRate"), 1, 5, 20.0, "OK");
    }

    @Test
    void higherLevelsAddNumeratorsAndDenominatorsNotRates() throws Exception {
        String json = indicators("demo-admin", "from=2001-01&to=2001-01&level=institution&institution=" + hospital);
        Map<String, Object> h = row(json, "rows", "@.institutionId == " + hospital);
        expect(value(h, "meanWaitMinutes"), 65, 4, 16.25, "OK");
        // 0302 has no imported totals: the rate covers 0301 only and says so
        expect(value(h, "appointmentRate"), 3, 15, 20.0, "PARTIAL_VISIT_TOTALS");
        expect(value(h, "noShowRate"), 1, 6, 16.67, "OK");
        expect(pool(h, "APP"), 5, 9, 55.56, "OK");

        String departments = indicators("demo-admin", "from=2001-01&to=2001-01&level=department&institution=" + hospital);
        Map<String, Object> d2 = row(departments, "rows", "@.departmentId == " + dept0302);
        expect(value(d2, "appointmentRate"), 1, 0, null, "NEEDS_VISIT_TOTALS");

        String doctors = indicators("demo-admin", "from=2001-01&to=2001-01&level=doctor&institution=" + hospital
                + "&department=" + dept0301);
        Map<String, Object> x = row(doctors, "rows", "@.doctorId == " + doctorX);
        expect(value(x, "noShowRate"), 1, 4, 25.0, "OK");
        expect(value(x, "appointmentRate"), 3, 0, null, "NOT_AT_DOCTOR_LEVEL");
        expect(pool(x, "APP"), 3, 3, 100.0, "OK");
        Map<String, Object> none = row(doctors, "rows", "@.doctorName == ''");
        expect(value(none, "noShowRate"), 0, 1, 0.0, "OK");
        Map<String, Object> total = JsonPath.read(doctors, "$.total");
        expect(value(total, "noShowRate"), 1, 5, 20.0, "OK");
    }

    @Test
    void monthsAreCutInBeijingTime() throws Exception {
        String json = indicators("demo-admin", "from=2001-03&to=2001-04&level=department&institution=" + hospital
                + "&department=" + dept0303);
        Map<String, Object> march = row(json, "monthly", "@.month == '2001-03'");
        Map<String, Object> april = row(json, "monthly", "@.month == '2001-04'");
        expect(value(march, "noShowRate"), 1, 1, 100.0, "OK"); // 23:30 on 31 March
        expect(value(april, "noShowRate"), 1, 2, 50.0, "OK");  // 00:30 on 1 April (31 March in UTC)
        expect(value(april, "meanWaitMinutes"), 20, 1, 20.0, "OK");
        expect(value(march, "appointmentRate"), 0, 4, 0.0, "OK");
        expect(value(april, "appointmentRate"), 1, 0, null, "NEEDS_VISIT_TOTALS");
        List<String> trend = JsonPath.read(json, "$.trend[*].month");
        assertThat(trend).containsExactly("2001-03", "2001-04");
    }

    @Test
    void townshipStaffSeeTheirCentreButNeverTheCountyHospital() throws Exception {
        String json = indicators("demo-doctor-a", "from=2001-01&to=2001-01&level=institution");
        List<Integer> institutions = JsonPath.read(json, "$.rows[*].institutionId");
        assertThat(institutions).containsExactly((int) township);
        Map<String, Object> t = row(json, "rows", "@.institutionId == " + township);
        expect(value(t, "meanWaitMinutes"), 5, 1, 5.0, "OK");
        mvc.perform(get("/api/v1/outpatient/indicators?from=2001-01&to=2001-01&institution=" + hospital)
                .header("Authorization", Api.bearer(Api.token(mvc, "demo-doctor-a")))).andExpect(status().isNotFound());
        String hospitalName = jdbc.sql("SELECT name FROM institution WHERE id = :i").param("i", hospital).query(String.class).single();
        mvc.perform(get("/appointments/indicators?from=2001-01&to=2001-01&level=department").session(login("demo-doctor-a")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(hospitalName))));
    }

    @Test
    void aBadVisitCountFileIsRejectedWholeNamingLineAndField() throws Exception {
        String admin = Api.token(mvc, "demo-admin");
        String csv = VisitCountCsv.HEADER + "\nH001,0304,2001-02-01,7\nH001,0304,2001-02-02,abc\nH001,9999,2001-02-03,3\n";
        String body = mvc.perform(post("/api/v1/outpatient/visit-counts").header("Authorization", Api.bearer(admin))
                        .contentType("text/csv").content(csv))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat((String) JsonPath.read(body, "$.detail")).contains("未导入任何数据").contains("nothing was imported");
        assertThat((Integer) JsonPath.read(body, "$.errors[0].line")).isEqualTo(3);
        assertThat((String) JsonPath.read(body, "$.errors[0].field")).isEqualTo("visits");
        assertThat((String) JsonPath.read(body, "$.errors[0].message")).contains("第 3 行 visits").contains("line 3, field visits");
        assertThat((String) JsonPath.read(body, "$.errors[1].field")).isEqualTo("department_code");
        assertThat((Integer) JsonPath.read(body, "$.errors[1].line")).isEqualTo(4);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outpatient_visit_count WHERE department_id = :d")
                .param("d", f().department("H001", "0304")).query(Long.class).single()).as("the good line was not imported").isZero();

        // township staff cannot feed the county hospital's totals
        String township = Api.token(mvc, "demo-admin-a");
        String foreign = mvc.perform(post("/api/v1/outpatient/visit-counts").header("Authorization", Api.bearer(township))
                        .contentType("text/csv").content(VisitCountCsv.HEADER + "\nH001,0304,2001-02-01,7\n"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat((String) JsonPath.read(foreign, "$.errors[0].field")).isEqualTo("institution_code");

        // the console upload shows the same messages
        mvc.perform(multipart("/appointments/indicators/visit-counts")
                        .file(new MockMultipartFile("file", "visits.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .session(login("demo-admin")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("importProblems"));
    }

    @Test
    void csvExportIsAuditedAndCarriesNumeratorsAndDenominators() throws Exception {
        long before = exports();
        String csv = mvc.perform(get("/appointments/indicators/export.csv?from=2001-01&to=2001-01&level=department&institution="
                        + hospital).session(login("demo-admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("definitions_version,month,institution_id").contains("no_shows,due,no_show_rate_pct");
        String line = csv.lines().filter(l -> l.startsWith("2026.1,2001-01," + hospital + ",") && l.contains("," + dept0301 + ","))
                .findFirst().orElseThrow();
        assertThat(line).contains(",15,2,3,20.0,OK,25,3,8.33,1,5,20.0");
        assertThat(exports()).isEqualTo(before + 1);
    }

    @Test
    void pageShowsTableDrillDownChartDataAndDefinitions() throws Exception {
        mvc.perform(get("/appointments/indicators?from=2001-01&to=2001-01&level=department&institution=" + hospital)
                        .session(login("demo-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("门诊预约指标")))
                .andExpect(content().string(containsString("门诊患者平均预约诊疗率")))
                .andExpect(content().string(containsString("需导入门诊人次")))
                .andExpect(content().string(containsString("level=doctor")))
                .andExpect(content().string(containsString("data-months=\"[&quot;2001-01&quot;]\"")))
                .andExpect(content().string(containsString("/js/outpatient-indicators.js")))
                .andExpect(content().string(not(containsString("<script>"))));
        mvc.perform(get("/js/outpatient-indicators.js")).andExpect(status().isOk());
        mvc.perform(get("/appointments/indicators").session(login("demo-auditor"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/outpatient/indicators?from=2001-05&to=2001-01")
                        .header("Authorization", Api.bearer(Api.token(mvc, "demo-admin"))))
                .andExpect(status().isBadRequest());
    }

    private long exports() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'EXPORT' AND entity = 'outpatient_indicator' "
                + "AND actor = 'demo-admin'").query(Long.class).single();
    }

    private OutpatientFixture f() {
        return new OutpatientFixture(jdbc);
    }

    private MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(Api.PASSWORD))
                .andReturn().getRequest().getSession(false);
    }
}
