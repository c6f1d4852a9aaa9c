package org.openhqd.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.openhqd.platform.security.Role;
import org.openhqd.platform.security.StaffPrincipal;
import org.openhqd.platform.support.Api;
import org.openhqd.platform.support.DemoPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every GET endpoint of the API and every console page as staff of one township centre (or
 * village clinic) and asserts that nothing of the sibling centre is visible: no institution name,
 * no patient's masked identity number, no staff login; and that the sibling's records, asked for
 * by id, answer 404 (or 403) — never 200.
 */
@DemoPlatformTest
class DataScopeLeakTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;
    @Autowired
    org.openhqd.platform.drg.CaseStore drgStore;
    @Autowired
    org.openhqd.platform.drg.DrgSchemes drgSchemes;

    /**
     * Every role that is not community-wide gets an account at both sibling township centres (and
     * village doctors at a village clinic of each); a second community, with its own community
     * admin and auditor, is the sibling of the community-wide roles. System administrators see
     * every community by design and are not part of this test.
     */
    @org.junit.jupiter.api.BeforeEach
    void siblingAccountsForEveryRole() throws Exception {
        if (jdbc.sql("SELECT COUNT(*) FROM staff WHERE username = 'leak-DOCTOR-a'").query(Long.class).single() > 0) {
            return;
        }
        String hash = jdbc.sql("SELECT password_hash FROM staff WHERE username = 'demo-doctor-a'").query(String.class).single();
        long a = institutionId("T001");
        long b = institutionId("T002");
        for (Role role : List.of(Role.INSTITUTION_ADMIN, Role.DEPARTMENT_HEAD, Role.DOCTOR, Role.NURSE, Role.INSURANCE_OFFICE,
                Role.QUALITY_OFFICE, Role.INTEGRATION)) {
            account("leak-" + role + "-a", role, a, hash);
            account("leak-" + role + "-b", role, b, hash);
        }
        account("leak-VILLAGE_DOCTOR-a", Role.VILLAGE_DOCTOR, institutionId("T001-V02"), hash);
        account("leak-VILLAGE_DOCTOR-b", Role.VILLAGE_DOCTOR, institutionId("T002-V02"), hash);
        // a clinic session today at each centre, its doctor the centre's leak doctor, with a checked-in
        // patient of the centre: the desk and doctor pages must show it only on its own side
        org.openhqd.platform.support.Clinics clinics = new org.openhqd.platform.support.Clinics(jdbc);
        for (String side : List.of("a", "b")) {
            long centre = side.equals("a") ? a : b;
            String code = side.equals("a") ? "T001" : "T002";
            long slot = clinics.session(centre, clinics.firstDepartment(centre), clinics.staff("leak-DOCTOR-" + side),
                    java.time.LocalDate.now(org.openhqd.platform.support.Clinics.CHINA), java.time.LocalTime.of(8, 0), 1,
                    java.util.Map.of("WINDOW", 6)).get(0);
            clinics.appointment(slot, clinics.patient(code, 0), "WINDOW", "CHECKED_IN", java.time.OffsetDateTime.now());
        }
        // a neighbouring community with one centre, one patient and its own community-wide accounts
        jdbc.sql("INSERT INTO community (code, name, created_at) VALUES ('NEIGHBOUR', '邻县医共体', CURRENT_TIMESTAMP)").update();
        long c2 = jdbc.sql("SELECT id FROM community WHERE code = 'NEIGHBOUR'").query(Long.class).single();
        jdbc.sql("INSERT INTO institution (community_id, code, name, level, type, path, created_at) "
                + "VALUES (:c, 'N001', '邻县人民医院', 'LEVEL_2', 'HOSPITAL', '/', CURRENT_TIMESTAMP)").param("c", c2).update();
        long n1 = institutionId("N001");
        jdbc.sql("UPDATE institution SET path = :p WHERE id = :id").param("p", "/" + n1 + "/").param("id", n1).update();
        jdbc.sql("INSERT INTO patient (institution_id, name, sex, birth_date, id_number_enc, id_number_hash, id_number_masked, "
                + "insurance_type, created_at, updated_at) VALUES (:i, '邻县患者', '1', DATE '1970-01-01', 'x', 'neighbour-hash', "
                + "'991***********777X', 'RESIDENT', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)").param("i", n1).update();
        account("leak-COMMUNITY_ADMIN-n", Role.COMMUNITY_ADMIN, n1, hash);
        // a DRG weight set in each community (weights are the community's: only another community's is foreign)
        for (long c : List.of(c2, jdbc.sql("SELECT id FROM community WHERE code = 'DEMO'").query(Long.class).single())) {
            jdbc.sql("INSERT INTO drg_weight_set (community_id, scheme_id, name, version_label, source, status, created_by, created_at) "
                    + "VALUES (:c, 'chs-drg-1.1', '权重表', 'v1', 'OFFICIAL', 'DRAFT', 'system', CURRENT_TIMESTAMP)").param("c", c).update();
        }
        account("leak-AUDITOR-n", Role.AUDITOR, n1, hash);
        // a DRG import batch (with a rejected row) at both sibling centres, the county hospital and the neighbour community
        for (String code : List.of("T001", "T002", "H001", "N001")) {
            long inst = institutionId(code);
            long comm = jdbc.sql("SELECT community_id FROM institution WHERE id = :i").param("i", inst).query(Long.class).single();
            jdbc.sql("INSERT INTO drg_import_batch (community_id, institution_id, file_name, format, status, bytes_read, "
                    + "started_by, started_at) VALUES (:c, :i, :f, 'CSV', 'COMMITTED', 0, 'leak-importer', CURRENT_TIMESTAMP)")
                    .param("c", comm).param("i", inst).param("f", "leak-" + code + ".csv").update();
            long batch = jdbc.sql("SELECT MAX(id) FROM drg_import_batch WHERE institution_id = :i").param("i", inst)
                    .query(Long.class).single();
            jdbc.sql("INSERT INTO drg_import_rejection (batch_id, line_no, case_id, field, value_masked, reason_zh, reason_en) "
                    + "VALUES (:b, 2, :c, 'institution', 'X', '测试', 'test')").param("b", batch).param("c", "LEAK-" + code).update();
        }
        // outpatient indicator data at both sibling centres and a village clinic, in May 2002
        var f = new org.openhqd.platform.outpatient.OutpatientFixture(jdbc);
        java.time.LocalDate day = java.time.LocalDate.of(2002, 5, 10);
        for (String code : List.of("T001", "T002", "T001-V02", "T002-V02", "H001")) {
            long inst = institutionId(code);
            long dept = jdbc.sql("SELECT MIN(id) FROM department WHERE institution_id = :i").param("i", inst).query(Long.class)
                    .optional().orElse(0L);
            if (dept == 0) {
                jdbc.sql("INSERT INTO department (institution_id, code, name, created_at) VALUES (:i, '02', '全科', CURRENT_TIMESTAMP)")
                        .param("i", inst).update();
                dept = jdbc.sql("SELECT MIN(id) FROM department WHERE institution_id = :i").param("i", inst).query(Long.class).single();
            }
            long slot = f.slot(f.session(inst, dept, null, day, "OPEN"), day.atTime(9, 0));
            f.appointment(slot, f.pool(slot, "APP", 2, true), "APP", "SEEN", day.atTime(8, 50), day.atTime(9, 5));
        }
        // bundled-payment settlements and member keys at every sibling in 2006, so every member has a share
        var community = new org.openhqd.platform.community.CommunityFixture(mvc, jdbc);
        community.importSettlements(2006);
        community.settings("""
                {"year":2006,"budgetRule":"FIXED","budgetAmount":1000000,"retentionRule":"FULL","distributionRule":"WEIGHTED_KEYS",
                 "weightWorkloadPct":50,"weightPopulationPct":50,"members":[
                   {"institutionId":%d,"attributedPopulation":5000,"assessmentScore":90,"fixedSharePct":0},
                   {"institutionId":%d,"attributedPopulation":4000,"assessmentScore":80,"fixedSharePct":0},
                   {"institutionId":%d,"attributedPopulation":3000,"assessmentScore":80,"fixedSharePct":0}]}"""
                .formatted(institutionId("H001"), institutionId("T001"), institutionId("T002")));
        drgCases();
    }

    /**
     * DRG cases (with findings) at both sibling centres, the county hospital and the neighbouring
     * community, and a re-grouping run with one changed case at each: the case and run pages by id
     * must answer 404 across the boundary, and the lists must not show another side's case ids.
     */
    private void drgCases() {
        var fixture = new org.openhqd.platform.drg.DrgCaseFixture(jdbc, tx, drgStore, drgSchemes);
        long seed = 41;
        for (String code : List.of("T001", "T002", "H001", "N001")) {
            fixture.store(code, "chs-drg-1.1", seed++, "LEAK-" + code + "-", 6, 2024);
            long inst = institutionId(code);
            jdbc.sql("INSERT INTO drg_regroup_run (institution_id, from_schemes, to_scheme_id, to_scheme_version, status, cases_total, "
                    + "cases_done, cases_changed, started_by, started_at, finished_at) VALUES (:i, 'beijing-2022 2022（6）', 'chs-drg-1.1', "
                    + "'1.1', 'FINISHED', 6, 6, 1, 'leak-test', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)").param("i", inst).update();
            long run = jdbc.sql("SELECT MAX(id) FROM drg_regroup_run WHERE institution_id = :i").param("i", inst).query(Long.class).single();
            jdbc.sql("INSERT INTO drg_regroup_change (run_id, case_row_id, case_id, old_scheme_id, old_status, old_drg, new_status, "
                    + "new_drg) SELECT :r, MIN(id), MIN(case_id), 'beijing-2022', 'ok', 'GB15', 'ok', 'GB13' FROM drg_case "
                    + "WHERE institution_id = :i").param("r", run).param("i", inst).update();
        }
    }

    /** The community pages, exports and APIs over the year with settlements at every sibling, and their default year. */
    private static final List<String> COMMUNITY_QUERIES = List.of("?year=2006", "");

    /** The outpatient indicator pages and exports at every level, over the month with data at every sibling. */
    private static final List<String> OUTPATIENT_QUERIES = List.of("?from=2002-05&to=2002-05&level=institution",
            "?from=2002-05&to=2002-05&level=department", "?from=2002-05&to=2002-05&level=doctor", "");

    private long institutionId(String code) {
        return jdbc.sql("SELECT id FROM institution WHERE code = :c").param("c", code).query(Long.class).single();
    }

    private void account(String username, Role role, long institution, String hash) {
        jdbc.sql("INSERT INTO staff (institution_id, name, role, username, password_hash, enabled, failed_attempts, created_at) "
                        + "VALUES (:i, :u, :r, :u, :h, TRUE, 0, CURRENT_TIMESTAMP)")
                .param("i", institution).param("u", username).param("r", role.name()).param("h", hash).update();
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> pairs() {
        java.util.stream.Stream.Builder<org.junit.jupiter.params.provider.Arguments> b = java.util.stream.Stream.builder();
        for (Role role : List.of(Role.INSTITUTION_ADMIN, Role.DEPARTMENT_HEAD, Role.DOCTOR, Role.NURSE, Role.INSURANCE_OFFICE,
                Role.QUALITY_OFFICE, Role.VILLAGE_DOCTOR, Role.INTEGRATION)) {
            b.add(org.junit.jupiter.params.provider.Arguments.of("leak-" + role + "-a", "leak-" + role + "-b"));
            b.add(org.junit.jupiter.params.provider.Arguments.of("leak-" + role + "-b", "leak-" + role + "-a"));
        }
        b.add(org.junit.jupiter.params.provider.Arguments.of("demo-admin", "leak-COMMUNITY_ADMIN-n"));
        b.add(org.junit.jupiter.params.provider.Arguments.of("leak-COMMUNITY_ADMIN-n", "demo-admin"));
        b.add(org.junit.jupiter.params.provider.Arguments.of("demo-auditor", "leak-AUDITOR-n"));
        b.add(org.junit.jupiter.params.provider.Arguments.of("leak-AUDITOR-n", "demo-auditor"));
        b.add(org.junit.jupiter.params.provider.Arguments.of("demo-doctor", "demo-doctor-a")); // hospital vs township
        b.add(org.junit.jupiter.params.provider.Arguments.of("demo-village-a", "demo-doctor-a")); // village vs its own centre
        return b.build();
    }

    @ParameterizedTest(name = "{0} must not see {1}''s data")
    @org.junit.jupiter.params.provider.MethodSource("pairs")
    void nothingOfTheSiblingIsVisible(String me, String sibling) throws Exception {
        StaffPrincipal mine = principal(me);
        StaffPrincipal theirs = principal(sibling);
        Foreign foreign = foreign(mine, theirs);
        assertThat(foreign.markers).isNotEmpty();

        String token = Api.token(mvc, me);
        List<String> checked = new ArrayList<>();
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            if (!info.getMethodsCondition().getMethods().isEmpty()
                    && !info.getMethodsCondition().getMethods().contains(org.springframework.web.bind.annotation.RequestMethod.GET)) {
                continue;
            }
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/v3/") || pattern.startsWith("/swagger") || pattern.equals("/error") || pattern.equals("/login")) {
                    continue;
                }
                if (pattern.equals("/m") || pattern.startsWith("/m/")) {
                    // the patients' public booking pages list every institution's schedule to anyone by
                    // design and show no patient data (MobileConsoleTest checks that), so no staff scope applies
                    continue;
                }
                boolean api = pattern.startsWith("/api/");
                if (pattern.contains("{")) {
                    for (long id : foreign.idsFor(pattern)) {
                        String url = pattern.replaceAll("\\{[^}]+}", Long.toString(id));
                        int status = call(api, url, token, mine).getResponse().getStatus();
                        assertThat(status).as("%s as %s", url, me).isIn(403, 404);
                        checked.add(url);
                    }
                    continue;
                }
                for (String url : pages(pattern, foreign)) {
                    MvcResult r = call(api, url, token, mine);
                    String body = r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
                    for (String marker : foreign.markersFor(url)) {
                        // whole tokens only: demo-doctor must not match inside demo-doctor-a
                        java.util.regex.Pattern whole = java.util.regex.Pattern.compile(
                                "(?<![A-Za-z0-9_-])" + java.util.regex.Pattern.quote(marker) + "(?![A-Za-z0-9_-])");
                        assertThat(whole.matcher(body).find()).as("%s as %s shows %s of %s", url, me, marker, sibling).isFalse();
                    }
                    checked.add(url);
                }
            }
        }
        assertThat(checked).as("endpoints walked").hasSizeGreaterThan(8)
                .anyMatch(u -> u.startsWith("/api/v1/patients?")).anyMatch(u -> u.startsWith("/patients"))
                .anyMatch(u -> u.startsWith("/api/v1/institutions/"))
                .contains("/appointments/indicators?from=2002-05&to=2002-05&level=doctor",
                        "/appointments/indicators/export.csv?from=2002-05&to=2002-05&level=department",
                        "/api/v1/outpatient/indicators?from=2002-05&to=2002-05&level=institution",
                        "/community/bundled-payment?year=2006", "/api/v1/community/bundled-payment?year=2006",
                        "/community/indicators?year=2006", "/community/indicators/export.csv?year=2006",
                        "/api/v1/community/indicators?year=2006")
                .anyMatch(u -> u.startsWith("/appointments/doctor"));
        if (!foreign.sessions.isEmpty()) {
            assertThat(checked).anyMatch(u -> u.startsWith("/appointments/desk?department="));
        }
        if (!foreign.patientIds.isEmpty()) {
            assertThat(checked).anyMatch(u -> u.startsWith("/api/v1/patients/"));
        }
        assertThat(checked).contains("/referrals", "/referrals/new", "/api/v1/referrals");
        assertThat(checked).anyMatch(u -> u.startsWith("/referrals/dashboard?from=")).anyMatch(u -> u.startsWith("/referrals/dashboard/export.csv?"))
                .anyMatch(u -> u.startsWith("/api/v1/referrals/statistics?from="));
        if (me.startsWith("leak-") && !mine.role().communityWide() && mine.role() != Role.VILLAGE_DOCTOR) {
            // sibling township centres: the sibling's referrals with the county hospital exist (demo year) and are tried
            assertThat(foreign.referralIds).isNotEmpty();
            assertThat(foreign.consultationIds).isNotEmpty(); // the demo's consultations with the county hospital
        }
        if (!foreign.referralIds.isEmpty()) {
            assertThat(checked).anyMatch(u -> u.matches("/api/v1/referrals/\\d+")).anyMatch(u -> u.matches("/referrals/\\d+"))
                    .anyMatch(u -> u.matches("/api/v1/referrals/\\d+/test-results"))
                    .anyMatch(u -> u.matches("/api/v1/referrals/\\d+/care-plan"));
        }
        assertThat(checked).contains("/drg/payment", "/api/v1/drg/weights", "/api/v1/drg/payment-settings",
                "/api/v1/drg/payment-settings/sensitivity");
        if (!foreign.weightSetIds.isEmpty()) {
            assertThat(checked).anyMatch(u -> u.matches("/api/v1/drg/weights/\\d+")).anyMatch(u -> u.matches("/api/v1/drg/weights/\\d+/rows"));
        }
        assertThat(checked).contains("/care-tasks", "/api/v1/care-tasks", "/consultations", "/consultations/new", "/api/v1/consultations");
        assertThat(checked).contains("/drg/cases", "/api/v1/drg/cases", "/drg/quality", "/drg/quality/export.csv", "/api/v1/drg/findings",
                "/drg/regroup", "/api/v1/drg/regroup");
        if (!foreign.drgCaseIds.isEmpty()) {
            assertThat(checked).anyMatch(u -> u.matches("/api/v1/drg/cases/\\d+")).anyMatch(u -> u.matches("/drg/cases/\\d+"))
                    .anyMatch(u -> u.matches("/api/v1/drg/regroup/\\d+/changes"));
        }
        if (!foreign.consultationIds.isEmpty()) {
            assertThat(checked).anyMatch(u -> u.matches("/api/v1/consultations/\\d+")).anyMatch(u -> u.matches("/consultations/\\d+"));
        }
        if (!foreign.patientIds.isEmpty()) {
            assertThat(checked).anyMatch(u -> u.matches("/api/v1/patients/\\d+/remote-reports"));
        }
        assertThat(checked).contains("/drg/imports", "/api/v1/drg/imports");
        if (!foreign.importBatchIds.isEmpty()) { // every pair but the village clinics (no batches there)
            assertThat(checked).anyMatch(u -> u.matches("/api/v1/drg/imports/\\d+/rejections"))
                    .anyMatch(u -> u.matches("/drg/imports/\\d+"));
        }
    }

    /** Every page of the paged lists, the first page of the rest. */
    private List<String> pages(String pattern, Foreign foreign) {
        if (pattern.equals("/appointments/desk")) {
            // the desk asked directly for the sibling's department, session (its queue) and patient
            List<String> out = new ArrayList<>(List.of(pattern));
            for (long[] ds : foreign.sessions) {
                out.add(pattern + "?department=" + ds[0] + "&session=" + ds[1]
                        + (foreign.patientIds.isEmpty() ? "" : "&patient=" + foreign.patientIds.get(0)));
            }
            return out;
        }
        if (pattern.equals("/api/v1/patients")) {
            List<String> out = new ArrayList<>();
            for (int p = 0; p < 20; p++) {
                out.add(pattern + "?size=200&page=" + p);
            }
            return out;
        }
        if (pattern.equals("/appointments/indicators") || pattern.equals("/appointments/indicators/export.csv")
                || pattern.equals("/api/v1/outpatient/indicators")) {
            return OUTPATIENT_QUERIES.stream().map(q -> pattern + q).toList();
        }
        if (pattern.startsWith("/community/") || pattern.startsWith("/api/v1/community/")) {
            return COMMUNITY_QUERIES.stream().map(q -> pattern + (pattern.endsWith("/settings") && q.isEmpty() ? "?year=2006" : q)).toList();
        }
        if (pattern.equals("/referrals/dashboard") || pattern.equals("/referrals/dashboard/export.csv")
                || pattern.equals("/api/v1/referrals/statistics")) {
            // the demo's whole referral year, at both levels
            java.time.YearMonth now = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai"));
            String year = "?from=" + now.minusMonths(11) + "&to=" + now;
            return List.of(pattern, pattern + year + "&level=institution", pattern + year + "&level=community");
        }
        if (pattern.equals("/patients")) {
            List<String> out = new ArrayList<>();
            for (int p = 0; p < 40; p++) {
                out.add(pattern + "?page=" + p);
            }
            return out;
        }
        return List.of(pattern);
    }

    private MvcResult call(boolean api, String url, String token, StaffPrincipal p) throws Exception {
        if (api) {
            return mvc.perform(get(url).header("Authorization", Api.bearer(token))).andReturn();
        }
        var auth = new UsernamePasswordAuthenticationToken(p, null, List.of(new SimpleGrantedAuthority(p.role().authority())));
        return mvc.perform(get(url).with(authentication(auth))).andReturn();
    }

    private StaffPrincipal principal(String username) {
        return jdbc.sql("SELECT s.id, s.role, s.institution_id, i.community_id, i.path FROM staff s JOIN institution i "
                        + "ON i.id = s.institution_id WHERE s.username = :u").param("u", username)
                .query((rs, n) -> new StaffPrincipal(rs.getLong("id"), username, Role.valueOf(rs.getString("role")),
                        rs.getLong("institution_id"), rs.getLong("community_id"), rs.getString("path")))
                .single();
    }

    /** What belongs to the sibling's scope and not to mine. */
    private Foreign foreign(StaffPrincipal mine, StaffPrincipal theirs) {
        Foreign f = new Foreign();
        if (mine.role().communityWide()) {
            assertThat(theirs.communityId()).isNotEqualTo(mine.communityId());
            String theirCommunity = " AND community_id = " + theirs.communityId();
            f.institutionIds.addAll(jdbc.sql("SELECT id FROM institution WHERE 1 = 1" + theirCommunity).query(Long.class).list());
            f.markers.addAll(jdbc.sql("SELECT name FROM institution WHERE 1 = 1" + theirCommunity).query(String.class).list());
            f.markers.addAll(jdbc.sql("SELECT p.id_number_masked FROM patient p JOIN institution i ON i.id = p.institution_id "
                    + "WHERE i.community_id = " + theirs.communityId()).query(String.class).list());
            f.markers.addAll(jdbc.sql("SELECT s.username FROM staff s JOIN institution i ON i.id = s.institution_id "
                    + "WHERE s.username IS NOT NULL AND i.community_id = " + theirs.communityId()).query(String.class).list());
            f.patientIds.addAll(jdbc.sql("SELECT p.id FROM patient p JOIN institution i ON i.id = p.institution_id "
                    + "WHERE i.community_id = " + theirs.communityId()).query(Long.class).list());
            f.templateIds.addAll(jdbc.sql("SELECT t.id FROM schedule_template t JOIN institution i ON i.id = t.institution_id "
                    + "WHERE i.community_id = " + theirs.communityId() + " ORDER BY t.id LIMIT 5").query(Long.class).list());
            f.mdtTeamIds.addAll(jdbc.sql("SELECT t.id FROM mdt_team t JOIN institution i ON i.id = t.institution_id "
                    + "WHERE i.community_id = " + theirs.communityId() + " ORDER BY t.id LIMIT 5").query(Long.class).list());
            f.appointmentIds.addAll(jdbc.sql("SELECT a.id FROM appointment a JOIN patient p ON p.id = a.patient_id JOIN institution i "
                    + "ON i.id = p.institution_id WHERE i.community_id = " + theirs.communityId() + " ORDER BY a.id LIMIT 5")
                    .query(Long.class).list());
            f.sessionIds.addAll(jdbc.sql("SELECT cs.id FROM clinic_session cs JOIN institution i ON i.id = cs.institution_id "
                    + "WHERE i.community_id = " + theirs.communityId() + " ORDER BY cs.id LIMIT 5").query(Long.class).list());
            f.sessions.addAll(jdbc.sql("SELECT cs.department_id, cs.id FROM clinic_session cs JOIN institution i ON i.id = cs.institution_id "
                    + "WHERE i.community_id = " + theirs.communityId() + " ORDER BY cs.id DESC LIMIT 3")
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list());
            f.referralIds.addAll(jdbc.sql("SELECT id FROM referral WHERE community_id = " + theirs.communityId()
                    + " ORDER BY id LIMIT 10").query(Long.class).list());
            f.consultationIds.addAll(jdbc.sql("SELECT id FROM consultation WHERE community_id = " + theirs.communityId()
                    + " ORDER BY id LIMIT 10").query(Long.class).list());
            f.importBatchIds.addAll(jdbc.sql("SELECT id FROM drg_import_batch WHERE community_id = " + theirs.communityId()
                    + " ORDER BY id LIMIT 5").query(Long.class).list());
            f.markers.addAll(jdbc.sql("SELECT file_name FROM drg_import_batch WHERE community_id = " + theirs.communityId())
                    .query(String.class).list());
            f.weightSetIds.addAll(jdbc.sql("SELECT id FROM drg_weight_set WHERE community_id = " + theirs.communityId()
                    + " ORDER BY id LIMIT 5").query(Long.class).list());
            String theirInstitutions = " JOIN institution i ON i.id = c.institution_id WHERE i.community_id = " + theirs.communityId();
            f.drgCaseIds.addAll(jdbc.sql("SELECT c.id FROM drg_case c" + theirInstitutions + " ORDER BY c.id LIMIT 5")
                    .query(Long.class).list());
            f.markers.addAll(jdbc.sql("SELECT c.case_id FROM drg_case c" + theirInstitutions).query(String.class).list());
            f.drgRunIds.addAll(jdbc.sql("SELECT c.id FROM drg_regroup_run c" + theirInstitutions + " ORDER BY c.id LIMIT 5")
                    .query(Long.class).list());
            return f;
        }
        String theirsLike = theirs.institutionPath() + "%";
        String mineLike = mine.institutionPath() + "%";
        f.institutionIds.addAll(jdbc.sql("SELECT id FROM institution WHERE path LIKE :t AND path NOT LIKE :m")
                .param("t", theirsLike).param("m", mineLike).query(Long.class).list());
        f.markers.addAll(jdbc.sql("SELECT name FROM institution WHERE path LIKE :t AND path NOT LIKE :m")
                .param("t", theirsLike).param("m", mineLike).query(String.class).list());
        f.markers.addAll(jdbc.sql("SELECT p.id_number_masked FROM patient p JOIN institution i ON i.id = p.institution_id "
                        + "WHERE i.path LIKE :t AND i.path NOT LIKE :m")
                .param("t", theirsLike).param("m", mineLike).query(String.class).list());
        f.markers.addAll(jdbc.sql("SELECT s.username FROM staff s JOIN institution i ON i.id = s.institution_id "
                        + "WHERE s.username IS NOT NULL AND i.path LIKE :t AND i.path NOT LIKE :m")
                .param("t", theirsLike).param("m", mineLike).query(String.class).list());
        // masked numbers can coincide across patients: drop those that also occur in my scope
        f.markers.removeAll(jdbc.sql("SELECT p.id_number_masked FROM patient p JOIN institution i ON i.id = p.institution_id "
                + "WHERE i.path LIKE :m").param("m", mineLike).query(String.class).list());
        // a patient of the sibling who booked a clinic of mine is my patient for that visit (the queue
        // shows them, masked and audited): the care relationship, not a leak
        f.markers.removeAll(jdbc.sql("SELECT DISTINCT p.id_number_masked FROM appointment a JOIN patient p ON p.id = a.patient_id "
                + "JOIN slot s ON s.id = a.slot_id JOIN clinic_session cs ON cs.id = s.session_id JOIN institution i "
                + "ON i.id = cs.institution_id WHERE i.path LIKE :m").param("m", mineLike).query(String.class).list());
        f.patientIds.addAll(jdbc.sql("SELECT p.id FROM patient p JOIN institution i ON i.id = p.institution_id "
                        + "WHERE i.path LIKE :t AND i.path NOT LIKE :m ORDER BY p.id LIMIT 25")
                .param("t", theirsLike).param("m", mineLike).query(Long.class).list());
        f.templateIds.addAll(jdbc.sql("SELECT t.id FROM schedule_template t JOIN institution i ON i.id = t.institution_id "
                        + "WHERE i.path LIKE :t AND i.path NOT LIKE :m ORDER BY t.id LIMIT 5")
                .param("t", theirsLike).param("m", mineLike).query(Long.class).list());
        f.mdtTeamIds.addAll(jdbc.sql("SELECT t.id FROM mdt_team t JOIN institution i ON i.id = t.institution_id "
                        + "WHERE i.path LIKE :t AND i.path NOT LIKE :m ORDER BY t.id LIMIT 5")
                .param("t", theirsLike).param("m", mineLike).query(Long.class).list());
        // MDT visits of the sibling's patients (any of their appointments: non-MDT ones must be 404 as well)
        f.appointmentIds.addAll(jdbc.sql("SELECT a.id FROM appointment a JOIN patient p ON p.id = a.patient_id JOIN institution i "
                        + "ON i.id = p.institution_id WHERE i.path LIKE :t AND i.path NOT LIKE :m ORDER BY a.id DESC LIMIT 5")
                .param("t", theirsLike).param("m", mineLike).query(Long.class).list());
        f.sessions.addAll(jdbc.sql("SELECT cs.department_id, cs.id FROM clinic_session cs JOIN institution i ON i.id = cs.institution_id "
                        + "WHERE i.path LIKE :t AND i.path NOT LIKE :m ORDER BY cs.id DESC LIMIT 3")
                .param("t", theirsLike).param("m", mineLike).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list());
        f.mdtVisitIds.addAll(jdbc.sql("SELECT r.appointment_id FROM mdt_record r JOIN mdt_team t ON t.id = r.team_id "
                        + "JOIN institution i ON i.id = t.institution_id WHERE i.path LIKE :t AND i.path NOT LIKE :m "
                        + "ORDER BY r.appointment_id LIMIT 5")
                .param("t", theirsLike).param("m", mineLike).query(Long.class).list());
        // referrals between the sibling and others (the county hospital), none of them involving mine
        f.referralIds.addAll(jdbc.sql("""
                        SELECT r.id FROM referral r JOIN institution fi ON fi.id = r.from_institution
                          JOIN institution ti ON ti.id = r.to_institution
                         WHERE (fi.path LIKE :t OR ti.path LIKE :t) AND fi.path NOT LIKE :m AND ti.path NOT LIKE :m
                         ORDER BY r.id LIMIT 10""")
                .param("t", theirsLike).param("m", mineLike).query(Long.class).list());
        // a referral shows its other side by design: the counterpart institution of a referral that involves
        // mine, and the referred patient's masked number, may appear on the referral pages (and only there)
        List<Long> mineReferrals = jdbc.sql("""
                        SELECT r.id FROM referral r JOIN institution fi ON fi.id = r.from_institution
                          JOIN institution ti ON ti.id = r.to_institution WHERE fi.path LIKE :m OR ti.path LIKE :m""")
                .param("m", mineLike).query(Long.class).list();
        if (!mineReferrals.isEmpty()) {
            f.sharedByReferral.addAll(jdbc.sql("""
                            SELECT i.name FROM referral r JOIN institution i ON i.id IN (r.from_institution, r.to_institution)
                             WHERE r.id IN (:ids)""").param("ids", mineReferrals).query(String.class).list());
            f.sharedByReferral.addAll(jdbc.sql("SELECT p.id_number_masked FROM referral r JOIN patient p ON p.id = r.patient_id "
                    + "WHERE r.id IN (:ids)").param("ids", mineReferrals).query(String.class).list());
        }
        // consultations between the sibling and others, none of them involving mine
        f.consultationIds.addAll(jdbc.sql("""
                        SELECT c.id FROM consultation c JOIN institution ri ON ri.id = c.requesting_institution
                          JOIN institution ci ON ci.id = c.consulting_institution
                         WHERE (ri.path LIKE :t OR ci.path LIKE :t) AND ri.path NOT LIKE :m AND ci.path NOT LIKE :m
                         ORDER BY c.id LIMIT 10""")
                .param("t", theirsLike).param("m", mineLike).query(Long.class).list());
        // like a referral, a consultation shows its other side: the counterpart institution, the patient's
        // masked number and the people who acted, on the consultation pages only
        String involvesMine = " FROM consultation c JOIN institution ri ON ri.id = c.requesting_institution "
                + "JOIN institution ci ON ci.id = c.consulting_institution";
        f.sharedByConsultation.addAll(jdbc.sql("SELECT i.name" + involvesMine + " JOIN institution i ON i.id IN (ri.id, ci.id) "
                + "WHERE ri.path LIKE :m OR ci.path LIKE :m").param("m", mineLike).query(String.class).list());
        f.sharedByConsultation.addAll(jdbc.sql("SELECT p.id_number_masked" + involvesMine + " JOIN patient p ON p.id = c.patient_id "
                + "WHERE ri.path LIKE :m OR ci.path LIKE :m").param("m", mineLike).query(String.class).list());
        for (String actor : List.of("requested_by", "decided_by", "reported_by")) {
            f.sharedByConsultation.addAll(jdbc.sql("SELECT c." + actor + involvesMine + " WHERE (ri.path LIKE :m OR ci.path LIKE :m) AND c."
                    + actor + " IS NOT NULL").param("m", mineLike).query(String.class).list());
        }
        f.institutionNames.addAll(jdbc.sql("SELECT name FROM institution WHERE path LIKE :t AND path NOT LIKE :m")
                .param("t", theirsLike).param("m", mineLike).query(String.class).list());
        // DRG import batches of the sibling's institutions (and their rejections, by batch)
        f.importBatchIds.addAll(jdbc.sql("SELECT b.id FROM drg_import_batch b JOIN institution i ON i.id = b.institution_id "
                        + "WHERE i.path LIKE :t AND i.path NOT LIKE :m ORDER BY b.id LIMIT 5")
                .param("t", theirsLike).param("m", mineLike).query(Long.class).list());
        f.markers.addAll(jdbc.sql("SELECT b.file_name FROM drg_import_batch b JOIN institution i ON i.id = b.institution_id "
                        + "WHERE i.path LIKE :t AND i.path NOT LIKE :m")
                .param("t", theirsLike).param("m", mineLike).query(String.class).list());
        // DRG cases and re-grouping runs of the sibling: by id they are 404, and their case ids appear on no page
        String theirDrg = " JOIN institution i ON i.id = c.institution_id WHERE i.path LIKE :t AND i.path NOT LIKE :m";
        f.drgCaseIds.addAll(jdbc.sql("SELECT c.id FROM drg_case c" + theirDrg + " ORDER BY c.id LIMIT 5")
                .param("t", theirsLike).param("m", mineLike).query(Long.class).list());
        f.markers.addAll(jdbc.sql("SELECT c.case_id FROM drg_case c" + theirDrg).param("t", theirsLike).param("m", mineLike)
                .query(String.class).list());
        f.drgRunIds.addAll(jdbc.sql("SELECT c.id FROM drg_regroup_run c" + theirDrg + " ORDER BY c.id LIMIT 5")
                .param("t", theirsLike).param("m", mineLike).query(Long.class).list());
        return f;
    }

    private static final class Foreign {
        final Set<String> markers = new TreeSet<>();
        final List<Long> institutionIds = new ArrayList<>();
        final List<Long> patientIds = new ArrayList<>();
        final List<Long> templateIds = new ArrayList<>();
        final List<Long> mdtTeamIds = new ArrayList<>();
        final List<Long> appointmentIds = new ArrayList<>();
        final List<Long> sessionIds = new ArrayList<>();
        /** The sibling's clinic sessions as {department, session}. */
        final List<long[]> sessions = new ArrayList<>();
        final List<Long> referralIds = new ArrayList<>();
        final List<Long> mdtVisitIds = new ArrayList<>();
        final Set<String> sharedByReferral = new TreeSet<>();
        final List<Long> consultationIds = new ArrayList<>();
        final Set<String> sharedByConsultation = new TreeSet<>();
        final Set<String> institutionNames = new TreeSet<>();
        final List<Long> importBatchIds = new ArrayList<>();
        /** Another community's DRG weight sets (a sibling centre shares its community's sets by design). */
        final List<Long> weightSetIds = new ArrayList<>();
        final List<Long> drgCaseIds = new ArrayList<>();
        final List<Long> drgRunIds = new ArrayList<>();

        /**
         * The markers a page must not show. Referral pages show the other side of the caller's own
         * referrals; the new-referral form lists the community's member institutions as targets.
         */
        Set<String> markersFor(String url) {
            if (url.startsWith("/consultations") || url.startsWith("/api/v1/consultations")) {
                Set<String> out = new TreeSet<>(markers);
                out.removeAll(sharedByConsultation);
                if (url.equals("/consultations/new")) {
                    out.removeAll(institutionNames); // the request form lists the community's members as consultants
                }
                return out;
            }
            if (!url.startsWith("/referrals") && !url.startsWith("/api/v1/referrals")) {
                return markers;
            }
            Set<String> out = new TreeSet<>(markers);
            out.removeAll(sharedByReferral);
            if (url.equals("/referrals/new")) {
                out.removeAll(institutionNames);
            }
            return out;
        }

        List<Long> idsFor(String pattern) {
            if (pattern.contains("/drg/imports/")) {
                return importBatchIds;
            }
            if (pattern.startsWith("/api/v1/drg/weights/")) {
                return weightSetIds;
            }
            if (pattern.contains("/drg/cases/")) {
                return drgCaseIds;
            }
            if (pattern.contains("/drg/regroup/")) {
                return drgRunIds;
            }
            if (pattern.contains("referral")) {
                return referralIds;
            }
            if (pattern.contains("consultation")) {
                return consultationIds;
            }
            if (pattern.startsWith("/api/v1/mdt/teams/")) {
                return mdtTeamIds;
            }
            if (pattern.startsWith("/api/v1/mdt/visits/")) {
                // the sibling's MDT records, and any appointment of the sibling's patients (404 as well)
                List<Long> ids = new ArrayList<>(mdtVisitIds);
                ids.addAll(appointmentIds);
                return ids;
            }
            if (pattern.contains("patient")) {
                return patientIds;
            }
            if (pattern.startsWith("/api/v1/mdt/visits/")) {
                return appointmentIds;   // a visit record is read through its appointment, whose patient is the sibling's
            }
            if (pattern.startsWith("/api/v1/mdt/teams/")) {
                return mdtTeamIds;
            }
            if (pattern.contains("schedule-templates")) {
                return templateIds;
            }
            if (pattern.startsWith("/api/v1/sessions/")) {
                // sessions are the community's shared inventory (a township books the county's numbers);
                // only another community's are foreign. Their waitlists are filtered by patient (SchedulesTest).
                return sessionIds;
            }
            if (pattern.contains("institution")) {
                return institutionIds;
            }
            throw new AssertionError("leak test does not know which ids to try for " + pattern
                    + ": add the entity here so the endpoint is covered");
        }
    }
}
