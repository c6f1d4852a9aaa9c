package org.openhqd.platform.consultation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Remote consultations and readings for the demo community: township centres and village clinics
 * ask the county hospital to read ECGs and images and to discuss difficult patients over the past
 * three months; most are reported, some wait, are scheduled, declined or cancelled. Seeded and
 * deterministic, written with batch inserts.
 */
@Component
public class ConsultationDemo {

    /** Type, question, findings, conclusion. */
    private static final String[][] CASES = {
        {"ECG_READING", "胸闷 2 小时，心电图请远程诊断", "窦性心律，V1–V4 导联 ST 段压低 0.1 mV", "心肌缺血改变，建议查肌钙蛋白并上转"},
        {"ECG_READING", "心悸，请判读心电图", "心房颤动，心室率 110 次/分", "快速心房颤动，建议控制心室率并评估抗凝"},
        {"ECG_READING", "体检心电图异常，请复核", "窦性心律，完全性右束支传导阻滞", "完全性右束支传导阻滞，无需特殊处理"},
        {"IMAGING_READING", "咳嗽 3 周，胸部 DR 请诊断", "右上肺斑片状高密度影，边界模糊", "右上肺炎症可能，建议抗感染后复查"},
        {"IMAGING_READING", "外伤后腕部疼痛，DR 请诊断", "桡骨远端骨皮质不连续", "桡骨远端骨折，建议骨科就诊"},
        {"IMAGING_READING", "头痛伴呕吐，头颅 CT 请诊断", "左侧基底节区低密度灶", "左侧基底节区腔隙性脑梗死，建议上转神经内科"},
        {"CONSULTATION", "糖尿病足溃疡换药效果不佳，请会诊", "足背溃疡 2×3 cm，周围红肿", "加强清创，调整降糖方案，两周不愈上转"},
        {"CONSULTATION", "慢阻肺反复加重，请会诊调整方案", "近一年急性加重 3 次", "改为三联吸入治疗，开展肺康复"},
        {"CONSULTATION", "高血压三药联合血压仍控制不佳", "血压 168/102 mmHg，血钾偏低", "排查继发性高血压，建议上转查醛固酮"},
    };

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;

    ConsultationDemo(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    /** About {@code count} requests from the member institutions of the demo community (code DEMO) to its county hospital. */
    @Transactional
    public void load(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed ^ 0xC0A5L);
        long community = jdbc.sql("SELECT id FROM community WHERE code = 'DEMO'").query(Long.class).single();
        long hospital = jdbc.sql("SELECT id FROM institution WHERE community_id = :c AND type = 'HOSPITAL' ORDER BY id LIMIT 1")
                .param("c", community).query(Long.class).single();
        // a requester's own patients only: the patient is registered at the institution that asks
        List<long[]> members = jdbc.sql("""
                        SELECT p.id, p.institution_id FROM patient p JOIN institution i ON i.id = p.institution_id
                         WHERE i.community_id = :c AND i.type IN ('TOWNSHIP_HEALTH_CENTRE', 'VILLAGE_CLINIC') ORDER BY p.id""")
                .param("c", community).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        if (members.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        long before = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM consultation").query(Long.class).single();
        List<Object[]> rows = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            long[] m = members.get(random.nextInt(members.size()));
            String[] c = CASES[random.nextInt(CASES.length)];
            boolean reading = !"CONSULTATION".equals(c[0]);
            Instant requested = now.minus(Duration.ofHours(1 + random.nextInt(90 * 24)));
            String urgency = random.nextInt(10) < 2 ? "URGENT" : random.nextInt(20) == 0 ? "EMERGENCY" : "ROUTINE";
            Instant decided = requested.plus(Duration.ofMinutes(reading ? 10 + random.nextInt(120) : 60 + random.nextInt(1440)));
            int roll = random.nextInt(100);
            String status;
            if (decided.isAfter(now) || roll < 8) {
                status = "REQUESTED";
            } else if (roll < 14) {
                status = "DECLINED";
            } else if (roll < 19) {
                status = "CANCELLED";
            } else if (roll < 27) {
                status = reading ? "ACCEPTED" : "SCHEDULED";
            } else {
                status = "REPORTED";
            }
            Instant scheduled = reading || "REQUESTED".equals(status) || "DECLINED".equals(status) ? null
                    : "SCHEDULED".equals(status) ? now.plus(Duration.ofHours(4 + random.nextInt(96)))
                    : decided.plus(Duration.ofHours(2 + random.nextInt(48)));
            Instant reported = null;
            if ("REPORTED".equals(status)) {
                reported = reading ? decided.plus(Duration.ofMinutes(15 + random.nextInt(240))) : scheduled.plus(Duration.ofMinutes(45));
                if (reported.isAfter(now)) {
                    status = reading ? "ACCEPTED" : "SCHEDULED";
                    scheduled = reading ? null : now.plus(Duration.ofHours(2));
                    reported = null;
                }
            }
            if ("CANCELLED".equals(status) && scheduled != null && scheduled.isAfter(now)) {
                scheduled = null;
            }
            boolean decidedYet = !"REQUESTED".equals(status) && !("CANCELLED".equals(status) && roll % 2 == 0);
            rows.add(new Object[] {community, c[0], m[0], m[1], hospital, urgency, c[1], status, requested,
                decidedYet ? decided : null, "DECLINED".equals(status) ? "该时段无对应专科医师，请改约" : null,
                "REQUESTED".equals(status) || "DECLINED".equals(status) || !decidedYet ? null : scheduled,
                reported == null ? null : c[2], reported == null ? null : c[3], reported,
                "CANCELLED".equals(status) ? decided.isAfter(now) ? now : decided : null,
                "CANCELLED".equals(status) ? "患者已自行前往县医院就诊" : null});
        }
        template.batchUpdate("""
                INSERT INTO consultation (community_id, type, patient_id, requesting_institution, consulting_institution, urgency, question,
                                          status, requested_by, requested_at, decided_by, decided_at, decline_reason, scheduled_for,
                                          findings, conclusion, reported_by, reported_at, closed_at, cancel_reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'demo', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, 500, (ps, r) -> {
                    ps.setLong(1, (Long) r[0]);
                    ps.setString(2, (String) r[1]);
                    ps.setLong(3, (Long) r[2]);
                    ps.setLong(4, (Long) r[3]);
                    ps.setLong(5, (Long) r[4]);
                    ps.setString(6, (String) r[5]);
                    ps.setString(7, (String) r[6]);
                    ps.setString(8, (String) r[7]);
                    ps.setTimestamp(9, ts(r[8]));
                    ps.setString(10, r[9] == null ? null : "demo");
                    ps.setTimestamp(11, ts(r[9]));
                    ps.setString(12, (String) r[10]);
                    ps.setTimestamp(13, ts(r[11]));
                    ps.setString(14, (String) r[12]);
                    ps.setString(15, (String) r[13]);
                    ps.setString(16, r[14] == null ? null : "demo");
                    ps.setTimestamp(17, ts(r[14]));
                    ps.setTimestamp(18, ts(r[15]));
                    ps.setString(19, (String) r[16]);
                });
        // identities are handed out in insertion order within this one loading transaction
        List<Long> ids = jdbc.sql("SELECT id FROM consultation WHERE id > :b ORDER BY id").param("b", before).query(Long.class).list();
        List<Object[]> studies = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String type = (String) rows.get(i)[1];
            if (!"CONSULTATION".equals(type)) {
                studies.add(new Object[] {ids.get(i), ("ECG_READING".equals(type) ? "DEMO-ECG-" : "DEMO-PACS-") + ids.get(i),
                    "ECG_READING".equals(type) ? "12 导联心电图" : "DR/CT 影像"});
            }
        }
        template.batchUpdate("INSERT INTO consultation_study (consultation_id, position, reference, description) VALUES (?, 1, ?, ?)",
                studies);
    }

    private static Timestamp ts(Object i) {
        return i == null ? null : Timestamp.from((Instant) i);
    }
}
