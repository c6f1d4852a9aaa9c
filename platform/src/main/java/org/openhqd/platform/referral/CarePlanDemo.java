package org.openhqd.platform.referral;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Care plans for the demo's accepted downward referrals: a first follow-up visit within a week,
 * then rehabilitation, a test and a medication review over the following weeks. Tasks due in the
 * past were mostly done on time; about one in eight is still open (overdue) and a few were
 * cancelled. Written with batch inserts.
 */
@Component
class CarePlanDemo {

    /** Task type, description and the day after acceptance it is due. */
    private static final String[][] PLAN = {
        {"VISIT", "下转后首次随访：生命体征、用药依从性", "5"},
        {"REHAB", "康复治疗：肢体功能训练（每周两次）", "14"},
        {"TEST", "复查血常规、肝肾功能", "30"},
        {"MEDICATION_REVIEW", "用药评估：调整降压/降糖方案", "45"},
        {"VISIT", "第二次随访：评估恢复情况，必要时再上转", "60"},
    };

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;

    CarePlanDemo(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    void load(long community, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0xCA7EL);
        record Down(long id, long to, long patient, Instant decided) {
        }
        List<Down> downs = jdbc.sql("""
                        SELECT id, to_institution, patient_id, decided_at FROM referral
                         WHERE community_id = :c AND direction = 'DOWN' AND status IN ('ACCEPTED', 'ARRIVED', 'COMPLETED')
                           AND decided_at IS NOT NULL ORDER BY id""")
                .param("c", community)
                .query((rs, n) -> new Down(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getTimestamp(4).toInstant())).list();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, TestResults.CHINA);
        List<Object[]> rows = new ArrayList<>();
        for (Down d : downs) {
            LocalDate accepted = LocalDate.ofInstant(d.decided(), TestResults.CHINA);
            int tasks = 2 + random.nextInt(PLAN.length - 1);
            for (int k = 0; k < tasks; k++) {
                LocalDate due = accepted.plusDays(Integer.parseInt(PLAN[k][2]));
                String status = "OPEN";
                Instant closed = null;
                String note = null;
                if (due.isBefore(today)) {
                    int roll = random.nextInt(100);
                    if (roll < 82) {
                        status = "DONE";
                        closed = due.minusDays(random.nextInt(3)).atTime(10, 0).atZone(TestResults.CHINA).toInstant();
                        note = "已完成，患者情况稳定";
                    } else if (roll < 88) {
                        status = "CANCELLED";
                        closed = due.atTime(16, 0).atZone(TestResults.CHINA).toInstant();
                        note = "患者外出务工，改由家庭医生电话随访";
                    } // else still OPEN: overdue on the worklist
                }
                rows.add(new Object[] {d.id(), d.to(), d.patient(), PLAN[k][0], PLAN[k][1], due, status, d.decided(),
                    closed == null || closed.isAfter(now) ? null : closed, closed == null || closed.isAfter(now) ? null : note});
            }
        }
        template.batchUpdate("""
                INSERT INTO care_task (referral_id, institution_id, patient_id, type, description, due_date, status, created_by,
                                       created_at, closed_by, closed_at, closing_note)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'demo', ?, ?, ?, ?)""", rows, 1000, (ps, r) -> {
                    ps.setLong(1, (Long) r[0]);
                    ps.setLong(2, (Long) r[1]);
                    ps.setLong(3, (Long) r[2]);
                    ps.setString(4, (String) r[3]);
                    ps.setString(5, (String) r[4]);
                    ps.setObject(6, r[5]);
                    // a closed-in-the-future time never happens: such a task stays OPEN
                    ps.setString(7, r[8] == null ? "OPEN" : (String) r[6]);
                    ps.setTimestamp(8, Timestamp.from((Instant) r[7]));
                    ps.setString(9, r[8] == null ? null : "demo");
                    ps.setTimestamp(10, r[8] == null ? null : Timestamp.from((Instant) r[8]));
                    ps.setString(11, (String) r[9]);
                });
    }
}
