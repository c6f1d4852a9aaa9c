package org.openhqd.platform.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.openhqd.platform.appointments.ClinicBlock;
import org.openhqd.platform.appointments.ClinicType;
import org.openhqd.platform.appointments.Channel;
import org.openhqd.platform.appointments.Eligibility;
import org.openhqd.platform.appointments.ScheduleTemplate;
import org.openhqd.platform.appointments.ScheduleTemplates;
import org.openhqd.platform.appointments.SlotGenerator;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.Role;
import org.openhqd.platform.security.StaffPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A month of outpatient schedules and bookings for the demo community, made through the same
 * templates and generator as real ones: eight departments of the county hospital hold morning
 * (every day, 08:00–12:00) and afternoon (Mon–Fri, 14:00–17:30) clinics, 30-minute slots of six numbers
 * — three for the app, one for the window, one for in-clinic follow-up, one reserved for township referrals that opens a day
 * earlier and returns to the app pool at D−1 17:00 — released seven days ahead at 07:00; a
 * cardiologist holds an expert clinic at the first township centre on Wednesday afternoons
 * (专家下沉). The past 30 days get realistic visits (arrival, call, seen, no-shows, cancellations,
 * one stopped session); the coming days get some bookings. Demo patients are those of the member
 * institutions, so the county hospital's own patients stay free for trying the booking.
 */
@Component
class DemoSchedules {

    private static final Logger log = LoggerFactory.getLogger(DemoSchedules.class);
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final List<String> DEPARTMENTS = List.of("0301", "0302", "0303", "0304", "0401", "0403", "05", "07");
    static final int HISTORY_DAYS = 30;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ScheduleTemplates templates;
    private final SlotGenerator generator;
    private final Clock clock;
    private final TransactionTemplate tx;

    DemoSchedules(JdbcClient jdbc, JdbcTemplate template, ScheduleTemplates templates, SlotGenerator generator, Clock clock,
            TransactionTemplate tx) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.template = template;
        this.templates = templates;
        this.generator = generator;
        this.clock = clock;
    }

    void load(long seed) {
        long started = System.nanoTime();
        long hospital = id("SELECT id FROM institution WHERE code = 'H001'");
        long community = id("SELECT community_id FROM institution WHERE code = 'H001'");
        StaffPrincipal loader = new StaffPrincipal(null, "demo-loader", Role.SYSTEM_ADMIN, hospital, community, "/");
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        CurrentUser.runAs(loader, () -> {
            createTemplates(hospital, today.minusDays(HISTORY_DAYS + 5));
            return null;
        });
        SlotGenerator.Run run = generator.generate(today.minusDays(HISTORY_DAYS), null);
        long generated = System.nanoTime();
        // one transaction with the pools locked: the pool-return job (30 s after start-up, while the demo may
        // still be loading) waits and then returns only the numbers the demo left unused
        Integer booked = tx.execute(status -> book(new SplittableRandom(seed), hospital, today));
        log.info("示范排班已载入：{} 个出诊（生成 {} ms），{} 个预约，共用时 {} ms / demo schedules loaded", run.created(),
                (generated - started) / 1_000_000, booked, (System.nanoTime() - started) / 1_000_000);
    }

    private void createTemplates(long hospital, LocalDate validFrom) {
        List<ScheduleTemplate.Pool> pools = List.of(new ScheduleTemplate.Pool(Channel.APP, 3, 0, null, null),
                new ScheduleTemplate.Pool(Channel.WINDOW, 1, 0, null, null),
                new ScheduleTemplate.Pool(Channel.CLINIC, 1, 0, null, null),
                new ScheduleTemplate.Pool(Channel.REFERRAL, 1, 1, 1, LocalTime.of(17, 0)));
        for (String code : DEPARTMENTS) {
            long dept = jdbc.sql("SELECT id FROM department WHERE institution_id = :h AND code = :c").param("h", hospital)
                    .param("c", code).query(Long.class).single();
            List<Map<String, Object>> doctors = jdbc.sql("SELECT id, name, title FROM staff WHERE department_id = :d AND role = 'DOCTOR' "
                    + "ORDER BY id").param("d", dept).query().listOfRows();
            // 儿科 up to 14 years, 妇产科 women only: the eligibility a real clinic sets
            Eligibility eligibility = switch (code) {
                case "07" -> new Eligibility(null, 14, null, false);
                case "05" -> new Eligibility(null, null, "2", false);
                default -> Eligibility.ANYONE;
            };
            for (DayOfWeek day : DayOfWeek.values()) {
                clinic(hospital, dept, doctors, day, ClinicBlock.MORNING, LocalTime.of(8, 0), LocalTime.of(12, 0), eligibility,
                        pools, validFrom);
                if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                    clinic(hospital, dept, doctors, day, ClinicBlock.AFTERNOON, LocalTime.of(14, 0), LocalTime.of(17, 30),
                            eligibility, pools, validFrom);
                }
            }
        }
        // the demo doctor's own morning clinic in respiratory medicine, so the doctor's page has a queue
        long respiratory = jdbc.sql("SELECT id FROM department WHERE institution_id = :h AND code = '0301'").param("h", hospital)
                .query(Long.class).single();
        long demoDoctor = id("SELECT id FROM staff WHERE username = 'demo-doctor'");
        for (DayOfWeek day : DayOfWeek.values()) {
            templates.create(new ScheduleTemplates.Draft(hospital, respiratory, demoDoctor, "演示医生", day, ClinicBlock.MORNING,
                    LocalTime.of(8, 0), LocalTime.of(12, 0), "总院区", "2-05", ClinicType.GENERAL, 30, 6, 7, LocalTime.of(7, 0),
                    Eligibility.ANYONE, validFrom, null, pools));
        }
        // 专家下沉: a county cardiologist at the first township centre on Wednesday afternoons
        long township = id("SELECT id FROM institution WHERE code = 'T001'");
        long general = jdbc.sql("SELECT id FROM department WHERE institution_id = :t AND code = '02'").param("t", township)
                .query(Long.class).single();
        long cardio = jdbc.sql("SELECT id FROM department WHERE institution_id = :h AND code = '0304'").param("h", hospital)
                .query(Long.class).single();
        Map<String, Object> expert = jdbc.sql("SELECT id, name FROM staff WHERE department_id = :d AND role = 'DOCTOR' ORDER BY id DESC "
                + "LIMIT 1").param("d", cardio).query().singleRow();
        templates.create(new ScheduleTemplates.Draft(township, general, ((Number) expert.get("id")).longValue(),
                expert.get("name") + "（县医院心内科专家下沉）", DayOfWeek.WEDNESDAY, ClinicBlock.AFTERNOON, LocalTime.of(14, 0),
                LocalTime.of(17, 0), "乡镇卫生院", "专家诊室", ClinicType.EXPERT, 20, 2, 7, LocalTime.of(7, 0), Eligibility.ANYONE,
                validFrom, null, List.of(new ScheduleTemplate.Pool(Channel.WINDOW, 1, 0, null, null),
                        new ScheduleTemplate.Pool(Channel.APP, 1, 0, null, null))));
    }

    private void clinic(long hospital, long dept, List<Map<String, Object>> doctors, DayOfWeek day, ClinicBlock block,
                        LocalTime start, LocalTime end, Eligibility eligibility, List<ScheduleTemplate.Pool> pools, LocalDate validFrom) {
        // doctors take turns by weekday and block; a chief physician's clinic is an expert clinic
        Map<String, Object> doctor = doctors.isEmpty() ? null
                : doctors.get((day.getValue() * 2 + block.ordinal()) % doctors.size());
        Long doctorId = doctor == null ? null : ((Number) doctor.get("id")).longValue();
        String title = doctor == null ? "" : String.valueOf(doctor.get("title"));
        ClinicType type = title.startsWith("主任") || title.startsWith("副主任") ? ClinicType.EXPERT : ClinicType.GENERAL;
        templates.create(new ScheduleTemplates.Draft(hospital, dept, doctorId, doctor == null ? "普通门诊" : (String) doctor.get("name"),
                day, block, start, end, "总院区", null, type, 30, 6, 7, LocalTime.of(7, 0), eligibility, validFrom, null, pools));
    }

    /**
     * Bookings as they would have happened: most numbers of the past month taken and seen, some
     * no-shows and cancellations, one session stopped; a part of the coming days' numbers booked.
     * Written in bulk (the booking service refuses the past); pool counts are then recomputed from
     * the appointments so that every invariant the service keeps holds for the demo data too.
     */
    private int book(SplittableRandom random, long hospital, LocalDate today) {
        record DemoPatient(long id, String sex, LocalDate birth) {
        }
        List<DemoPatient> patients = jdbc.sql("SELECT p.id, p.sex, p.birth_date FROM patient p JOIN institution i ON i.id = p.institution_id "
                + "WHERE i.code NOT LIKE 'H001%' ORDER BY p.id")
                .query((rs, n) -> new DemoPatient(rs.getLong("id"), rs.getString("sex"), rs.getDate("birth_date").toLocalDate())).list();
        if (patients.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        List<Map<String, Object>> pools = jdbc.sql("""
                        SELECT p.id AS pool_id, p.channel, p.capacity, p.release_at, s.id AS slot_id, s.starts_at, s.ends_at, s.capacity AS slot_capacity,
                               cs.id AS session_id, cs.session_date, cs.department_id, cs.min_age, cs.max_age, cs.sex
                          FROM slot_pool p JOIN slot s ON s.id = p.slot_id JOIN clinic_session cs ON cs.id = s.session_id
                         WHERE cs.template_id IS NOT NULL
                         ORDER BY s.starts_at, s.id, p.channel
                           FOR UPDATE""").query().listOfRows();
        // one stopped session in the past: its patients were cancelled by the hospital
        Long stopped = pools.stream().filter(p -> date(p.get("session_date")).equals(today.minusDays(9)))
                .map(p -> ((Number) p.get("session_id")).longValue()).findFirst().orElse(null);
        Map<Long, Integer> nextNumber = new java.util.HashMap<>();
        Set<String> patientDayDept = new HashSet<>();
        Set<Long> futurePatients = new HashSet<>();
        List<Object[]> rows = new ArrayList<>();
        int cursor = random.nextInt(patients.size());
        for (Map<String, Object> p : pools) {
            Instant start = instant(p.get("starts_at"));
            Instant end = instant(p.get("ends_at"));
            Instant release = instant(p.get("release_at"));
            boolean past = start.isBefore(now);
            if (!past && release.isAfter(now)) {
                continue;   // not released yet
            }
            double share = past ? 0.85 : 0.30;
            int capacity = ((Number) p.get("capacity")).intValue();
            long slot = ((Number) p.get("slot_id")).longValue();
            int slotCapacity = ((Number) p.get("slot_capacity")).intValue();
            long session = ((Number) p.get("session_id")).longValue();
            LocalDate date = date(p.get("session_date"));
            for (int k = 0; k < capacity; k++) {
                if (random.nextDouble() >= share) {
                    continue;
                }
                long patient = -1;
                for (int tries = 0; tries < 200 && patient < 0; tries++) {
                    DemoPatient who = patients.get(cursor);
                    cursor = (cursor + 1 + random.nextInt(7)) % patients.size();
                    long candidate = who.id();
                    int age = java.time.Period.between(who.birth(), date).getYears();
                    if ((p.get("max_age") != null && age > ((Number) p.get("max_age")).intValue())
                            || (p.get("sex") != null && !p.get("sex").equals(who.sex()))) {
                        continue;   // the clinic's eligibility, as the booking service would check it
                    }
                    if (!patientDayDept.add(candidate + "/" + date + "/" + p.get("department_id"))) {
                        continue;
                    }
                    if (!past && !futurePatients.add(candidate)) {
                        continue;   // one open demo booking per patient keeps every limit
                    }
                    patient = candidate;
                }
                if (patient < 0) {
                    continue;
                }
                int number = nextNumber.merge(slot, 1, Integer::sum);
                Duration step = Duration.between(start, end).dividedBy(Math.max(1, slotCapacity));
                Instant suggested = start.plus(step.multipliedBy(Math.min(number - 1, slotCapacity - 1)));
                long window = Math.max(60, Duration.between(release, start.isBefore(now) ? start : now).toSeconds());
                Instant bookedAt = release.plusSeconds(random.nextLong(window));
                String status = "BOOKED";
                Instant arrived = null;
                Instant called = null;
                Instant seen = null;
                Instant noShow = null;
                Instant cancelled = null;
                if (stopped != null && stopped == session) {
                    status = "CANCELLED_BY_HOSPITAL";
                    cancelled = start.minus(Duration.ofHours(20));
                } else if (past) {
                    double r = random.nextDouble();
                    if (r < 0.06) {
                        status = "NO_SHOW";
                        noShow = end.plus(Duration.ofMinutes(30));
                    } else if (r < 0.10) {
                        status = "CANCELLED";
                        cancelled = bookedAt.plusSeconds(random.nextLong(Math.max(60, Duration.between(bookedAt, start).toSeconds())));
                    } else {
                        status = "SEEN";
                        arrived = suggested.minus(Duration.ofMinutes(random.nextInt(35))).plus(Duration.ofMinutes(random.nextInt(10)));
                        Instant from = arrived.isBefore(start) ? start : arrived;
                        called = from.plus(Duration.ofMinutes(2 + random.nextInt(random.nextInt(10) < 8 ? 20 : 55)));
                        seen = called.plus(Duration.ofMinutes(4 + random.nextInt(12)));
                    }
                }
                rows.add(new Object[] {slot, p.get("pool_id"), patient, p.get("channel"), number, utc(suggested), status,
                        "demo", utc(bookedAt), utc(cancelled), utc(arrived), utc(called), utc(seen), utc(noShow),
                        "REFERRAL".equals(p.get("channel")) ? "DEMO-REF-" + slot + "-" + number : null});
            }
        }
        template.batchUpdate("""
                INSERT INTO appointment (slot_id, pool_id, patient_id, channel, sequence_number, suggested_at, status, booked_by,
                                         booked_at, cancelled_at, arrived_at, called_at, seen_at, no_show_at, referral_ref)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        if (stopped != null) {
            jdbc.sql("UPDATE clinic_session SET status = 'STOPPED', stop_reason = '医生外出会诊（示范）', stopped_at = :at WHERE id = :s")
                    .param("at", utc(now.minus(Duration.ofDays(10)))).param("s", stopped).update();
        }
        // the counters the booking service keeps, from the rows just written
        Map<Object, Integer> taken = new java.util.HashMap<>();
        for (Object[] r : rows) {
            if (!"CANCELLED".equals(r[6]) && !"CANCELLED_BY_HOSPITAL".equals(r[6])) {
                taken.merge(r[1], 1, Integer::sum);
            }
        }
        template.batchUpdate("UPDATE slot_pool SET booked = ? WHERE id = ?",
                taken.entrySet().stream().map(e -> new Object[] {e.getValue(), e.getKey()}).toList());
        template.batchUpdate("UPDATE slot SET next_number = ? WHERE id = ?",
                nextNumber.entrySet().stream().map(e -> new Object[] {e.getValue() + 1, e.getKey()}).toList());
        return rows.size();
    }

    private long id(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static OffsetDateTime utc(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static Instant instant(Object o) {
        if (o instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return ((OffsetDateTime) o).toInstant();
    }

    private static LocalDate date(Object o) {
        return o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }
}
