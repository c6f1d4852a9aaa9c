package org.openhqd.platform.referral;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A medical community of its own for the referral statistics, so the demo's referrals never mix
 * in: a county hospital (H), township centre T1 with village clinic V1, township centre T2; an
 * account at each (password of the demo accounts) and fourteen referrals in 2003 with hand-chosen
 * times (Beijing time), written straight into the tables as the workflow would have left them.
 */
final class ReferralStatisticsFixture {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String HOSPITAL = "统计测试县医院";
    static final String T1 = "统计测试一乡卫生院";
    static final String V1 = "统计测试一乡甲村卫生室";
    static final String T2 = "统计测试二乡卫生院";

    final long community;
    final long hospital;
    final long t1;
    final long v1;
    final long t2;
    private final JdbcClient jdbc;

    ReferralStatisticsFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
        if (jdbc.sql("SELECT COUNT(*) FROM community WHERE code = 'RD-STATS'").query(Long.class).single() == 0) {
            create();
        }
        community = jdbc.sql("SELECT id FROM community WHERE code = 'RD-STATS'").query(Long.class).single();
        hospital = institution("RDS-H");
        t1 = institution("RDS-T1");
        v1 = institution("RDS-T1-V1");
        t2 = institution("RDS-T2");
    }

    private long institution(String code) {
        return jdbc.sql("SELECT id FROM institution WHERE code = :c").param("c", code).query(Long.class).single();
    }

    private void create() {
        jdbc.sql("INSERT INTO community (code, name, created_at) VALUES ('RD-STATS', '转诊统计测试医共体', CURRENT_TIMESTAMP)").update();
        long c = jdbc.sql("SELECT id FROM community WHERE code = 'RD-STATS'").query(Long.class).single();
        long h = addInstitution(c, null, "RDS-H", HOSPITAL, "LEVEL_2", "HOSPITAL");
        long a = addInstitution(c, null, "RDS-T1", T1, "PRIMARY", "TOWNSHIP_HEALTH_CENTRE");
        long v = addInstitution(c, a, "RDS-T1-V1", V1, "PRIMARY", "VILLAGE_CLINIC");
        long b = addInstitution(c, null, "RDS-T2", T2, "PRIMARY", "TOWNSHIP_HEALTH_CENTRE");
        String hash = jdbc.sql("SELECT password_hash FROM staff WHERE username = 'demo-doctor-a'").query(String.class).single();
        account("rds-admin", "COMMUNITY_ADMIN", h, hash);
        account("rds-doctor-h", "DOCTOR", h, hash);
        account("rds-doctor-t1", "DOCTOR", a, hash);
        account("rds-doctor-t2", "DOCTOR", b, hash);
        long p1 = patient(a, "统计患者甲", "rds-hash-1", "110***********0011");
        long pv = patient(v, "统计患者乙", "rds-hash-2", "110***********0022");
        long p2 = patient(b, "统计患者丙", "rds-hash-3", "110***********0033");

        // upward from T1 to the county hospital
        referral(p1, a, h, "UP", "COMPLETED", false, "I63.900", at(3, 3, 8), at(3, 3, 10), at(3, 5, 10), null);      // R1 2 h, 2 d
        referral(p1, a, h, "UP", "ARRIVED", false, "I63.901", at(3, 10, 8), at(3, 10, 14), at(3, 14, 14), null);     // R2 6 h, 4 d
        referral(p1, a, h, "UP", "REJECTED", false, "J18.900", at(3, 20, 8), at(3, 21, 8), null, null);             // R3 24 h
        referral(p1, a, h, "UP", "CANCELLED", false, "I21.900", at(3, 25, 8), at(3, 25, 9), null, at(3, 26, 8));    // R4 1 h
        // R5: submitted 1 April 07:00 in Beijing, still 31 March in UTC: an April referral
        referral(p1, a, h, "UP", "ARRIVED", false, "I63.900", at(4, 1, 7), at(4, 1, 15), at(4, 3, 15), null);        // R5 8 h, 2 d
        referral(p1, a, h, "UP", "EXPIRED", false, "K35.800", at(3, 1, 8), null, null, at(3, 8, 8));                 // R6
        // R7: an emergency entered after arrival, with (odd) submission and decision times that must count nowhere
        referral(p1, a, h, "UP", "ARRIVED", true, "I21.900", at(3, 15, 2), at(3, 15, 2, 30), at(3, 15, 3), null);
        // upward from village clinic V1 (T1's subtree) and from T2
        referral(pv, v, h, "UP", "ARRIVED", false, "J18.900", at(3, 5, 8), at(3, 6, 4), at(3, 9, 4), null);          // R8 20 h, 3 d
        referral(p2, b, h, "UP", "COMPLETED", false, "N18.500", at(3, 12, 8), at(3, 12, 12), at(3, 13, 12), null);   // R9 4 h, 1 d
        // downward from the county hospital
        referral(p1, h, a, "DOWN", "ARRIVED", false, "I69.300", at(3, 15, 8), at(3, 15, 18), at(3, 17, 18), null);   // R10 10 h, 2 d
        referral(p2, h, b, "DOWN", "REJECTED", false, "S72.000", at(3, 18, 8), at(3, 18, 11), null, null);           // R11 3 h
        referral(p2, h, b, "DOWN", "ARRIVED", false, "E11.900", at(4, 10, 8), at(4, 10, 10), at(4, 20, 10), null);   // R12 2 h, 10 d
        referral(p1, a, h, "UP", "DRAFT", false, "I10.x00", null, null, null, null);                                 // R13 a draft
        // R14: submitted and accepted in February, arrived 2 March (3 days later)
        referral(p1, a, h, "UP", "ARRIVED", false, "I63.900", at(2, 27, 8), at(2, 27, 8), at(3, 2, 8), null);
    }

    static Instant at(int month, int day, int hour) {
        return at(month, day, hour, 0);
    }

    static Instant at(int month, int day, int hour, int minute) {
        return LocalDateTime.of(2003, month, day, hour, minute).atZone(CHINA).toInstant();
    }

    private long addInstitution(long c, Long parent, String code, String name, String level, String type) {
        jdbc.sql("INSERT INTO institution (community_id, parent_id, code, name, level, type, path, created_at) "
                        + "VALUES (:c, :p, :code, :name, :level, :type, '/', CURRENT_TIMESTAMP)")
                .param("c", c).param("p", parent, java.sql.Types.BIGINT).param("code", code).param("name", name)
                .param("level", level).param("type", type).update();
        long id = institution(code);
        String parentPath = parent == null ? "/" : jdbc.sql("SELECT path FROM institution WHERE id = :id").param("id", parent)
                .query(String.class).single();
        jdbc.sql("UPDATE institution SET path = :p WHERE id = :id").param("p", parentPath + id + "/").param("id", id).update();
        return id;
    }

    private void account(String username, String role, long institution, String hash) {
        jdbc.sql("INSERT INTO staff (institution_id, name, role, username, password_hash, enabled, failed_attempts, created_at) "
                        + "VALUES (:i, :u, :r, :u, :h, TRUE, 0, CURRENT_TIMESTAMP)")
                .param("i", institution).param("u", username).param("r", role).param("h", hash).update();
    }

    private long patient(long institution, String name, String hash, String masked) {
        jdbc.sql("INSERT INTO patient (institution_id, name, sex, birth_date, id_number_enc, id_number_hash, id_number_masked, "
                        + "insurance_type, created_at, updated_at) VALUES (:i, :n, '1', DATE '1950-01-01', 'x', :h, :m, 'RESIDENT', "
                        + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                .param("i", institution).param("n", name).param("h", hash).param("m", masked).update();
        return jdbc.sql("SELECT id FROM patient WHERE id_number_hash = :h").param("h", hash).query(Long.class).single();
    }

    /** One referral as the workflow leaves it, with its timeline. */
    private void referral(long patient, long from, long to, String direction, String status, boolean retro, String diagnosis,
                          Instant submitted, Instant decided, Instant arrived, Instant closed) {
        Instant created = retro ? arrived : submitted == null ? at(3, 2, 8) : submitted;
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO referral (community_id, patient_id, from_institution, to_institution, direction, emergency, retro_entered,
                                              status, reason, created_by, created_at, submitted_at, decided_by, decided_at, reject_reason,
                                              arrived_at, completed_at, closed_at, closed_reason, version)
                        VALUES ((SELECT community_id FROM institution WHERE id = :from), :p, :from, :to, :dir, :retro, :retro, :status,
                                '统计测试', 'rds-doctor', :created, :submitted, :decidedBy, :decided, :rejectReason, :arrived, :completed,
                                :closed, :closedReason, 1)""")
                .param("p", patient).param("from", from).param("to", to).param("dir", direction).param("retro", retro)
                .param("status", status).param("created", utc(created))
                .param("submitted", utc(submitted), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("decidedBy", decided == null ? null : "rds-doctor-h", java.sql.Types.VARCHAR)
                .param("decided", utc(decided), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("rejectReason", status.equals("REJECTED") ? "床位已满" : null, java.sql.Types.VARCHAR)
                .param("arrived", utc(arrived), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("completed", status.equals("COMPLETED") ? utc(arrived.plusSeconds(86400)) : null,
                        java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("closed", utc(closed), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("closedReason", closed == null ? null : "测试", java.sql.Types.VARCHAR)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        jdbc.sql("INSERT INTO referral_diagnosis (referral_id, position, code) VALUES (:r, 1, :c)").param("r", id).param("c", diagnosis)
                .update();
        jdbc.sql("INSERT INTO referral_diagnosis (referral_id, position, code) VALUES (:r, 2, 'Z99.900')").param("r", id).update();
        String previous = null;
        for (Object[] e : List.of(new Object[] {submitted, "SUBMITTED"},
                new Object[] {decided, status.equals("REJECTED") ? "REJECTED" : "ACCEPTED"},
                new Object[] {arrived, "ARRIVED"}, new Object[] {closed, status})) {
            Instant t = (Instant) e[0];
            if (t == null || retro && !e[1].equals("ARRIVED")) {
                continue;
            }
            jdbc.sql("INSERT INTO referral_event (referral_id, from_status, to_status, actor, occurred_at) VALUES (:r, :f, :t, 'rds', :at)")
                    .param("r", id).param("f", previous, java.sql.Types.VARCHAR).param("t", e[1]).param("at", utc(t)).update();
            previous = (String) e[1];
        }
    }

    private static OffsetDateTime utc(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
