package org.openhqd.platform.referral;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A year of referrals for the demo community (示范县医共体), seeded and deterministic: about six per
 * hundred registered patients, four in five upward from township centres and village clinics to the
 * county hospital for common serious illness (stroke, myocardial infarction, pneumonia, appendicitis,
 * lung cancer, end-stage kidney disease …), the rest downward from the county hospital to the
 * patient's township centre for rehabilitation after stroke or hip fracture and for chronic care.
 * Most are accepted within hours (some after the 24-hour window, so they were escalated), about 85%
 * arrive, some are rejected, cancelled or expire, a few emergencies were entered after arrival, and
 * the last days' referrals are still open; accepted downward referrals have care plans. Written with batch inserts, like the rest of the demo.
 */
@Component
public class ReferralDemo {

    private static final Logger log = LoggerFactory.getLogger(ReferralDemo.class);

    /** Upward: principal diagnosis (ICD-10 国家临床版), a usual secondary one, and the reason, with a weight. */
    private static final String[][] UP = {
        {"I63.900", "I10.x00", "急性脑梗死，基层无溶栓/取栓条件", "18"},
        {"I21.900", "E11.900", "急性心肌梗死，需急诊 PCI", "8"},
        {"I20.000", "I10.x00", "不稳定型心绞痛，需冠脉评估", "10"},
        {"J18.900", "J44.100", "重症肺炎，基层治疗效果不佳", "16"},
        {"K35.800", "", "急性阑尾炎，需手术治疗", "9"},
        {"C34.900", "", "肺部占位，需进一步明确诊断", "6"},
        {"N18.500", "I10.x00", "慢性肾脏病 5 期，需评估透析", "5"},
        {"J44.100", "I27.900", "慢阻肺急性加重伴呼吸衰竭", "10"},
        {"S72.000", "", "股骨颈骨折，需手术", "7"},
        {"I61.900", "I10.x00", "脑出血，需神经外科评估", "4"},
        {"E11.900", "N18.300", "糖尿病血糖控制不佳伴并发症", "7"},
    };
    /** Downward: for rehabilitation and chronic care near home. */
    private static final String[][] DOWN = {
        {"I69.300", "I10.x00", "脑梗死恢复期，转基层康复训练", "35"},
        {"S72.000", "Z47.000", "股骨颈骨折术后，转基层康复", "20"},
        {"J44.900", "", "慢阻肺稳定期，转基层长期管理", "15"},
        {"E11.900", "I10.x00", "糖尿病病情稳定，转基层随访管理", "15"},
        {"C34.900", "", "肺癌姑息治疗，转基层安宁疗护", "5"},
        {"N18.500", "", "维持性透析患者，转基层日常管理", "10"},
    };

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;
    private final CarePlanDemo carePlans;

    ReferralDemo(JdbcClient jdbc, JdbcTemplate template, Clock clock, CarePlanDemo carePlans) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
        this.carePlans = carePlans;
    }

    private record Site(long id, long township) {
    }

    private record Planned(long patient, long from, long to, String direction, boolean emergency, boolean retro, String status,
                           String reason, List<String> diagnoses, Instant created, Instant submitted, Instant decided,
                           String rejectReason, Instant arrived, Instant completed, Instant closed, String closedReason,
                           Instant escalated, List<String[]> steps) {
    }

    /** Loads the year into the demo community (code DEMO) for about {@code patients × 6 %} referrals. */
    @Transactional
    public void load(long seed, int patients) {
        long started = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed ^ 0x5EF3L);
        long community = jdbc.sql("SELECT id FROM community WHERE code = 'DEMO'").query(Long.class).single();
        long hospital = jdbc.sql("SELECT id FROM institution WHERE community_id = :c AND type = 'HOSPITAL' ORDER BY id LIMIT 1")
                .param("c", community).query(Long.class).single();
        // patients of member institutions with their township centre (a village clinic's parent)
        List<long[]> members = jdbc.sql("""
                        SELECT p.id, p.institution_id, CASE WHEN i.type = 'VILLAGE_CLINIC' THEN i.parent_id ELSE i.id END AS township
                          FROM patient p JOIN institution i ON i.id = p.institution_id
                         WHERE i.community_id = :c AND i.type IN ('TOWNSHIP_HEALTH_CENTRE', 'VILLAGE_CLINIC') ORDER BY p.id""")
                .param("c", community)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).list();
        if (members.isEmpty()) {
            return;
        }
        int count = Math.max(20, patients * 6 / 100);
        Instant now = clock.instant();
        List<Planned> planned = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            long[] m = members.get(random.nextInt(members.size()));
            boolean up = random.nextInt(100) < 80;
            String[] dx = pick(up ? UP : DOWN, random);
            planned.add(plan(random, m[0], up ? m[1] : hospital, up ? hospital : m[2], up ? "UP" : "DOWN", dx, now));
        }
        insert(community, planned);
        carePlans.load(community, seed); // follow-up tasks of the accepted downward referrals
        log.info("示范转诊已载入：{} 张转诊单，用时 {} ms / demo referrals loaded", planned.size(), (System.nanoTime() - started) / 1_000_000);
    }

    private static String[] pick(String[][] table, SplittableRandom random) {
        int total = 0;
        for (String[] row : table) {
            total += Integer.parseInt(row[3]);
        }
        int r = random.nextInt(total);
        for (String[] row : table) {
            r -= Integer.parseInt(row[3]);
            if (r < 0) {
                return row;
            }
        }
        return table[0];
    }

    private Planned plan(SplittableRandom random, long patient, long from, long to, String direction, String[] dx, Instant now) {
        List<String> diagnoses = dx[1].isEmpty() ? List.of(dx[0]) : List.of(dx[0], dx[1]);
        // created on a day of the past year, in working hours (Beijing time = UTC+8)
        LocalDate day = LocalDate.ofInstant(now, TestResults.CHINA).minusDays(random.nextInt(365));
        Instant created = day.atTime(8 + random.nextInt(10), random.nextInt(60)).atZone(TestResults.CHINA).toInstant();
        if (created.isAfter(now)) {
            created = now.minus(Duration.ofHours(1 + random.nextInt(6)));
        }
        List<String[]> steps = new ArrayList<>();
        boolean emergency = "UP".equals(direction) && random.nextInt(100) < 6;
        if (emergency && random.nextBoolean()) {
            // 补录: the patient was sent first; the form came after arrival
            Instant arrived = created.minus(Duration.ofMinutes(60 + random.nextInt(180)));
            Instant completed = completedAfter(arrived, direction, random, now);
            steps.add(new String[] {null, "ARRIVED", "急诊转诊补录 / emergency transfer entered after arrival"});
            if (completed != null) {
                steps.add(new String[] {"ARRIVED", "COMPLETED", null});
            }
            return new Planned(patient, from, to, direction, true, true, completed == null ? "ARRIVED" : "COMPLETED", dx[2], diagnoses,
                    created, null, null, null, arrived, completed, null, null, null, steps);
        }
        steps.add(new String[] {null, "SUBMITTED", null});
        // response time: minutes for emergencies, mostly a few hours, one in ten beyond the 24-hour window
        long minutes = emergency ? 5 + random.nextInt(40) : random.nextInt(10) == 0 ? 1440 + random.nextInt(3000) : 20 + random.nextInt(600);
        Instant decided = created.plus(Duration.ofMinutes(minutes));
        Instant escalated = minutes > 1440 ? created.plus(Duration.ofHours(24)) : null;
        int roll = random.nextInt(100);
        if (decided.isAfter(now) || (roll >= 97 && Duration.between(created, now).toDays() < 7)) {
            // still waiting for the receiver
            return new Planned(patient, from, to, direction, emergency, false, "SUBMITTED", dx[2], diagnoses, created, created, null, null,
                    null, null, null, null, escalated != null && escalated.isBefore(now) ? escalated : null, steps);
        }
        if (roll < 6) {
            steps.add(new String[] {"SUBMITTED", "REJECTED", "UP".equals(direction) ? "专科床位已满，建议转市级医院" : "本院暂无康复床位"});
            return new Planned(patient, from, to, direction, emergency, false, "REJECTED", dx[2], diagnoses, created, created, decided,
                    steps.get(1)[2], null, null, null, null, escalated, steps);
        }
        if (roll < 10) {
            Instant expired = created.plus(Duration.ofDays(7));
            String why = "提交后 7 天内未处理 / not decided within P7D";
            steps.add(new String[] {"SUBMITTED", "EXPIRED", why});
            return new Planned(patient, from, to, direction, emergency, false, "EXPIRED", dx[2], diagnoses, created, created, null, null,
                    null, null, expired, why, created.plus(Duration.ofHours(24)), steps);
        }
        steps.add(new String[] {"SUBMITTED", "ACCEPTED", null});
        if (roll < 14) {
            Instant cancelled = decided.plus(Duration.ofHours(2 + random.nextInt(40)));
            String why = "患者选择其他医院就诊";
            steps.add(new String[] {"ACCEPTED", "CANCELLED", why});
            return new Planned(patient, from, to, direction, emergency, false, "CANCELLED", dx[2], diagnoses, created, created, decided,
                    null, null, null, cancelled, why, escalated, steps);
        }
        Instant arrived = decided.plus(Duration.ofMinutes(emergency ? 30 + random.nextInt(90) : 60 * (1 + random.nextInt(72))));
        if (arrived.isAfter(now)) {
            return new Planned(patient, from, to, direction, emergency, false, "ACCEPTED", dx[2], diagnoses, created, created, decided,
                    null, null, null, null, null, escalated, steps);
        }
        steps.add(new String[] {"ACCEPTED", "ARRIVED", null});
        Instant completed = completedAfter(arrived, direction, random, now);
        if (completed != null) {
            steps.add(new String[] {"ARRIVED", "COMPLETED", null});
        }
        return new Planned(patient, from, to, direction, emergency, false, completed == null ? "ARRIVED" : "COMPLETED", dx[2], diagnoses,
                created, created, decided, null, arrived, completed, null, null, escalated, steps);
    }

    /** Upward care takes days, rehabilitation weeks; some are still in care. */
    private static Instant completedAfter(Instant arrived, String direction, SplittableRandom random, Instant now) {
        Instant completed = arrived.plus(Duration.ofDays("UP".equals(direction) ? 1 + random.nextInt(12) : 14 + random.nextInt(60)));
        return completed.isAfter(now) || random.nextInt(10) < 2 ? null : completed;
    }

    private void insert(long community, List<Planned> planned) {
        long before = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM referral").query(Long.class).single();
        template.batchUpdate("""
                INSERT INTO referral (community_id, patient_id, from_institution, to_institution, direction, emergency, retro_entered,
                                      status, reason, created_by, created_at, submitted_at, decided_by, decided_at, reject_reason,
                                      arrived_at, completed_at, closed_at, closed_reason, escalated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", planned, 500, (ps, p) -> {
                    ps.setLong(1, community);
                    ps.setLong(2, p.patient());
                    ps.setLong(3, p.from());
                    ps.setLong(4, p.to());
                    ps.setString(5, p.direction());
                    ps.setBoolean(6, p.emergency());
                    ps.setBoolean(7, p.retro());
                    ps.setString(8, p.status());
                    ps.setString(9, p.reason());
                    ps.setTimestamp(10, ts(p.created()));
                    ps.setTimestamp(11, ts(p.submitted()));
                    ps.setString(12, p.decided() == null ? null : "demo");
                    ps.setTimestamp(13, ts(p.decided()));
                    ps.setString(14, p.rejectReason());
                    ps.setTimestamp(15, ts(p.arrived()));
                    ps.setTimestamp(16, ts(p.completed()));
                    ps.setTimestamp(17, ts(p.closed()));
                    ps.setString(18, p.closedReason());
                    ps.setTimestamp(19, ts(p.escalated()));
                    ps.setInt(20, p.steps().size() - 1);
                });
        // identities are handed out in insertion order within this one loading transaction
        List<Long> ids = jdbc.sql("SELECT id FROM referral WHERE id > :b ORDER BY id").param("b", before).query(Long.class).list();
        List<Object[]> diagnoses = new ArrayList<>();
        List<Object[]> events = new ArrayList<>();
        List<Object[]> results = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            Planned p = planned.get(i);
            long id = ids.get(i);
            for (int d = 0; d < p.diagnoses().size(); d++) {
                diagnoses.add(new Object[] {id, d + 1, p.diagnoses().get(d)});
            }
            for (String[] step : p.steps()) {
                events.add(new Object[] {id, step[0], step[1], stepTime(p, step[1]), step[2]});
            }
            if ("UP".equals(p.direction()) && !p.retro() && i % 2 == 0) {
                // the sender's blood count, shared with the receiver (互认)
                results.add(new Object[] {p.patient(), p.from(), "58410-2", "血常规", LocalDate.ofInstant(p.created(), TestResults.CHINA),
                    "WBC " + (4 + i % 9) + "." + (i % 10) + "×10^9/L", "DEMO-LIS-" + id, p.created()});
            }
        }
        template.batchUpdate("INSERT INTO referral_diagnosis (referral_id, position, code) VALUES (?, ?, ?)", diagnoses);
        template.batchUpdate("INSERT INTO referral_event (referral_id, from_status, to_status, actor, occurred_at, note) "
                + "VALUES (?, ?, ?, 'demo', ?, ?)", events, 1000, (ps, e) -> {
                    ps.setLong(1, (Long) e[0]);
                    ps.setString(2, (String) e[1]);
                    ps.setString(3, (String) e[2]);
                    ps.setTimestamp(4, ts((Instant) e[3]));
                    ps.setString(5, (String) e[4]);
                });
        template.batchUpdate("INSERT INTO test_result (patient_id, institution_id, test_code, test_name, result_date, summary, report_ref, "
                + "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'demo', ?)", results, 1000, (ps, r) -> {
                    ps.setLong(1, (Long) r[0]);
                    ps.setLong(2, (Long) r[1]);
                    ps.setString(3, (String) r[2]);
                    ps.setString(4, (String) r[3]);
                    ps.setObject(5, r[4]);
                    ps.setString(6, (String) r[5]);
                    ps.setString(7, (String) r[6]);
                    ps.setTimestamp(8, ts((Instant) r[7]));
                });
    }

    private static Instant stepTime(Planned p, String to) {
        return switch (to) {
            case "SUBMITTED" -> p.created();
            case "ACCEPTED", "REJECTED" -> p.decided();
            case "ARRIVED" -> p.retro() ? p.created() : p.arrived();
            case "COMPLETED" -> p.completed();
            default -> p.closed();
        };
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
