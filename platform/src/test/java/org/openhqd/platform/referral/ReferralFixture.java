package org.openhqd.platform.referral;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import org.openhqd.platform.security.Role;
import org.openhqd.platform.security.StaffPrincipal;
import org.openhqd.platform.support.Api;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Demo community lookups and API calls shared by the referral tests. */
final class ReferralFixture {

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final java.util.Map<String, String> tokens = new java.util.HashMap<>();

    ReferralFixture(MockMvc mvc, JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    long institution(String code) {
        return jdbc.sql("SELECT id FROM institution WHERE code = :c").param("c", code).query(Long.class).single();
    }

    /** Patients of an institution that the demo's referrals and bookings leave alone (high offsets). */
    long patient(String institutionCode, int k) {
        return jdbc.sql("SELECT p.id FROM patient p JOIN institution i ON i.id = p.institution_id WHERE i.code = :c "
                        + "ORDER BY p.id DESC LIMIT 1 OFFSET " + k)
                .param("c", institutionCode).query(Long.class).single();
    }

    StaffPrincipal principal(String username) {
        return jdbc.sql("SELECT s.id, s.role, s.institution_id, i.community_id, i.path FROM staff s JOIN institution i "
                        + "ON i.id = s.institution_id WHERE s.username = :u").param("u", username)
                .query((rs, n) -> new StaffPrincipal(rs.getLong("id"), username, Role.valueOf(rs.getString("role")),
                        rs.getLong("institution_id"), rs.getLong("community_id"), rs.getString("path")))
                .single();
    }

    String token(String user) throws Exception {
        String t = tokens.get(user);
        if (t == null) {
            t = Api.bearer(Api.token(mvc, user));
            tokens.put(user, t);
        }
        return t;
    }

    ResultActions create(String user, long patient, long to, String direction, String extra) throws Exception {
        return postJson(user, "/api/v1/referrals", "{\"patientId\":" + patient + ",\"toInstitutionId\":" + to + ",\"direction\":\""
                + direction + "\",\"reason\":\"胸痛待查，需进一步诊治\",\"diagnoses\":[\"I20.000\",\"I10.x00\"]" + extra + "}");
    }

    long created(String user, long patient, long to, String direction, String extra) throws Exception {
        return id(create(user, patient, to, direction, extra));
    }

    ResultActions action(String user, long referral, String action, String body) throws Exception {
        return postJson(user, "/api/v1/referrals/" + referral + "/" + action, body);
    }

    ResultActions postJson(String user, String url, String body) throws Exception {
        var request = post(url).header("Authorization", token(user));
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request);
    }

    ResultActions get(String user, String url) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(url)
                .header("Authorization", token(user)));
    }

    static long id(ResultActions r) throws Exception {
        return ((Number) JsonPath.read(r.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    String status(long referral) {
        return jdbc.sql("SELECT status FROM referral WHERE id = :id").param("id", referral).query(String.class).single();
    }

    /** A released, free REFERRAL-pool slot of the county hospital that starts at least a day from now. */
    long freeReferralSlot(int k) {
        return jdbc.sql("""
                        SELECT s.id FROM slot s JOIN slot_pool p ON p.slot_id = s.id AND p.channel = 'REFERRAL'
                          JOIN clinic_session cs ON cs.id = s.session_id JOIN institution i ON i.id = cs.institution_id
                         WHERE i.code = 'H001' AND cs.status = 'OPEN' AND p.booked < p.capacity AND p.release_at <= CURRENT_TIMESTAMP
                           AND s.starts_at > CURRENT_TIMESTAMP + INTERVAL '1' HOUR
                         ORDER BY s.starts_at DESC, s.id LIMIT 1""" + " OFFSET " + k)
                .query(Long.class).single();
    }

}
