package org.openhqd.platform.demo;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.openhqd.platform.patient.IdNumber;
import org.openhqd.platform.patient.PersonalDataCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A seeded, deterministic synthetic medical community (示范县医共体): one county hospital with two
 * campuses and 20 departments, 8 township health centres with 30 village clinics, about 300
 * staff, and the requested number of patients with fictitious but valid-looking identity numbers
 * (area codes 99xxxx, which no real region uses). No real person's data. The demo accounts (README)
 * share the password {@value #DEMO_PASSWORD}; they exist only in demo mode.
 */
@Component
public class DemoCommunity {

    public static final String DEMO_PASSWORD = "Demo@2026";
    private static final Logger log = LoggerFactory.getLogger(DemoCommunity.class);

    static final String[] HOSPITAL_DEPARTMENTS = {
        "01:预防保健科", "02:全科医疗科", "03:内科", "0301:呼吸内科专业", "0302:消化内科专业", "0303:神经内科专业",
        "0304:心血管内科专业", "0305:血液内科专业", "0306:肾病学专业", "0307:内分泌专业", "04:外科",
        "0401:普通外科专业", "0402:神经外科专业", "0403:骨科专业", "0404:泌尿外科专业", "05:妇产科", "07:儿科",
        "10:眼科", "12:口腔科", "28:重症医学科"};
    static final String[] TOWNSHIP_DEPARTMENTS = {"02:全科医疗科", "03:内科", "50:中医科", "01:预防保健科"};
    static final String[] TOWNS = {"城关镇", "河口镇", "青山乡", "柳林镇", "石桥乡", "白沙镇", "杏花乡", "龙泉镇"};
    static final String[] VILLAGES = {"东", "西", "南", "北"};
    static final String[] SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢".split("");
    static final String[] GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉梅文斌海燕春雪晨宇浩然子涵欣怡".split("");
    static final String[] TITLES = {"主任医师", "副主任医师", "主治医师", "住院医师", "主任护师", "主管护师", "护师", "护士"};

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final PersonalDataCipher cipher;
    private final PasswordEncoder passwords;
    private final Clock clock;

    DemoCommunity(JdbcClient jdbc, JdbcTemplate template, PersonalDataCipher cipher, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.cipher = cipher;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** The demo accounts: username, role, where (H = hospital, A/B = the first two townships, VA/VB their first villages). */
    static final String[][] ACCOUNTS = {
        {"demo-sysadmin", "SYSTEM_ADMIN", "H"}, {"demo-admin", "COMMUNITY_ADMIN", "H"},
        {"demo-inst-admin", "INSTITUTION_ADMIN", "H"}, {"demo-dept-head", "DEPARTMENT_HEAD", "H"},
        {"demo-doctor", "DOCTOR", "H"}, {"demo-nurse", "NURSE", "H"}, {"demo-insurance", "INSURANCE_OFFICE", "H"},
        {"demo-quality", "QUALITY_OFFICE", "H"}, {"demo-auditor", "AUDITOR", "H"},
        {"demo-admin-a", "INSTITUTION_ADMIN", "A"}, {"demo-admin-b", "INSTITUTION_ADMIN", "B"},
        {"demo-doctor-a", "DOCTOR", "A"}, {"demo-doctor-b", "DOCTOR", "B"},
        {"demo-nurse-a", "NURSE", "A"}, {"demo-nurse-b", "NURSE", "B"},
        {"demo-village-a", "VILLAGE_DOCTOR", "VA"}, {"demo-village-b", "VILLAGE_DOCTOR", "VB"},
        {"demo-his", "INTEGRATION", "H"}};

    /** Whether any community exists (demo data is loaded only into an empty database). */
    public boolean empty() {
        return jdbc.sql("SELECT COUNT(*) FROM community").query(Long.class).single() == 0;
    }

    /** Loads the demo community with the given number of patients; same seed, same data. */
    @Transactional
    public void load(long seed, int patients) {
        long started = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.sql("INSERT INTO community (code, name, created_at) VALUES ('DEMO', '示范县医共体', :now)").param("now", now).update();
        long community = jdbc.sql("SELECT id FROM community WHERE code = 'DEMO'").query(Long.class).single();

        long hospital = institution(community, null, "H001", "示范县人民医院", "LEVEL_2", "HOSPITAL", now);
        List<Long> hospitalSites = new ArrayList<>(List.of(hospital));
        hospitalSites.add(institution(community, hospital, "H001-E", "示范县人民医院东院区", "LEVEL_2", "CAMPUS", now));
        hospitalSites.add(institution(community, hospital, "H001-W", "示范县人民医院西院区", "LEVEL_2", "CAMPUS", now));
        List<Long> townships = new ArrayList<>();
        List<Long> villages = new ArrayList<>();
        List<Long> firstVillage = new ArrayList<>();
        for (int t = 0; t < TOWNS.length; t++) {
            long town = institution(community, null, String.format("T%03d", t + 1), TOWNS[t] + "卫生院", "PRIMARY",
                    "TOWNSHIP_HEALTH_CENTRE", now);
            townships.add(town);
            int count = t < 6 ? 4 : 3; // 6 × 4 + 2 × 3 = 30 village clinics
            for (int v = 0; v < count; v++) {
                long village = institution(community, town, String.format("T%03d-V%02d", t + 1, v + 1),
                        TOWNS[t].substring(0, 2) + VILLAGES[v] + "村卫生室", "PRIMARY", "VILLAGE_CLINIC", now);
                villages.add(village);
                if (v == 0) {
                    firstVillage.add(village);
                }
            }
        }
        List<Long> hospitalDepartments = departments(hospital, HOSPITAL_DEPARTMENTS, now);
        for (long town : townships) {
            departments(town, TOWNSHIP_DEPARTMENTS, now);
        }

        // staff: ~190 at the hospital, 12 per township, 1–2 per village clinic
        List<Object[]> staff = new ArrayList<>();
        for (int i = 0; i < 190; i++) {
            long dept = hospitalDepartments.get(i % hospitalDepartments.size());
            boolean nurse = i % 3 == 2;
            staff.add(new Object[] {hospital, dept, name(random), nurse ? "NURSE" : "DOCTOR",
                TITLES[(nurse ? 4 : 0) + random.nextInt(4)]});
        }
        for (long town : townships) {
            for (int i = 0; i < 12; i++) {
                boolean nurse = i % 3 == 2;
                staff.add(new Object[] {town, null, name(random), nurse ? "NURSE" : "DOCTOR", TITLES[(nurse ? 5 : 2) + random.nextInt(2)]});
            }
        }
        for (long village : villages) {
            for (int i = 0; i < 1 + random.nextInt(2); i++) {
                staff.add(new Object[] {village, null, name(random), "VILLAGE_DOCTOR", "乡村医生"});
            }
        }
        template.batchUpdate("INSERT INTO staff (institution_id, department_id, name, role, title, enabled, failed_attempts, created_at) "
                + "VALUES (?, ?, ?, ?, ?, TRUE, 0, ?)", new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        Object[] s = staff.get(i);
                        ps.setLong(1, (Long) s[0]);
                        if (s[1] == null) {
                            ps.setNull(2, java.sql.Types.BIGINT);
                        } else {
                            ps.setLong(2, (Long) s[1]);
                        }
                        ps.setString(3, (String) s[2]);
                        ps.setString(4, (String) s[3]);
                        ps.setString(5, (String) s[4]);
                        ps.setObject(6, now);
                    }

                    @Override
                    public int getBatchSize() {
                        return staff.size();
                    }
                });

        String hash = passwords.encode(DEMO_PASSWORD); // one bcrypt for all demo accounts
        for (String[] a : ACCOUNTS) {
            long inst = switch (a[2]) {
                case "A" -> townships.get(0);
                case "B" -> townships.get(1);
                case "VA" -> firstVillage.get(0);
                case "VB" -> firstVillage.get(1);
                default -> hospital;
            };
            jdbc.sql("""
                    INSERT INTO staff (institution_id, name, role, title, username, password_hash, enabled, failed_attempts, created_at)
                    VALUES (:inst, :name, :role, NULL, :username, :hash, TRUE, 0, :now)""")
                    .param("inst", inst).param("name", "演示账户 " + a[0]).param("role", a[1]).param("username", a[0])
                    .param("hash", hash).param("now", now).update();
        }

        // patients: 40% at the hospital sites, the rest at townships and their villages
        List<Long> homes = new ArrayList<>();
        homes.addAll(hospitalSites);
        homes.addAll(townships);
        homes.addAll(villages);
        LocalDate today = LocalDate.now(clock);
        String[] insurance = {"RESIDENT", "RESIDENT", "RESIDENT", "EMPLOYEE", "EMPLOYEE", "SELF_PAY", "OTHER"};
        List<Object[]> rows = new ArrayList<>(patients);
        for (int i = 0; i < patients; i++) {
            long inst = random.nextInt(100) < 40 ? hospitalSites.get(random.nextInt(hospitalSites.size()))
                    : homes.get(hospitalSites.size() + random.nextInt(homes.size() - hospitalSites.size()));
            LocalDate birth = today.minusDays(random.nextInt(365 * 95));
            boolean male = random.nextBoolean();
            int sequence = (i % 499) * 2 + (male ? 1 : 0);
            String first17 = String.format("99%04d%s%03d", 101 + random.nextInt(8), birth.toString().replace("-", ""), sequence)
                    .substring(0, 17);
            String id = first17 + IdNumber.checkCharacter(first17);
            String phone = "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
            rows.add(new Object[] {inst, name(random), male ? "1" : "2", birth, cipher.encrypt(id), cipher.hash(id),
                IdNumber.mask(id), insurance[random.nextInt(insurance.length)], phone, TOWNS[random.nextInt(TOWNS.length)] + "某村"});
        }
        // identity numbers may collide across 50,000 random draws: keep the first of each
        java.util.Set<String> seen = new java.util.HashSet<>();
        rows.removeIf(r -> !seen.add((String) r[5]));
        template.batchUpdate("INSERT INTO patient (institution_id, name, sex, birth_date, id_number_enc, id_number_hash, "
                + "id_number_masked, insurance_type, phone, address, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                rows, 1000, (ps, r) -> {
                    ps.setLong(1, (Long) r[0]);
                    ps.setString(2, (String) r[1]);
                    ps.setString(3, (String) r[2]);
                    ps.setDate(4, Date.valueOf((LocalDate) r[3]));
                    ps.setString(5, (String) r[4]);
                    ps.setString(6, (String) r[5]);
                    ps.setString(7, (String) r[6]);
                    ps.setString(8, (String) r[7]);
                    ps.setString(9, (String) r[8]);
                    ps.setString(10, (String) r[9]);
                    ps.setObject(11, now);
                    ps.setObject(12, now);
                });
        log.info("示范医共体已载入：{} 家机构，{} 名员工，{} 名患者，用时 {} ms / demo community loaded",
                3 + townships.size() + villages.size(), staff.size() + ACCOUNTS.length, rows.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private long institution(long community, Long parent, String code, String name, String level, String type,
                             OffsetDateTime now) {
        jdbc.sql("INSERT INTO institution (community_id, parent_id, code, name, level, type, path, created_at) "
                        + "VALUES (:c, :p, :code, :name, :level, :type, '/', :now)")
                .param("c", community).param("p", parent, java.sql.Types.BIGINT).param("code", code).param("name", name)
                .param("level", level).param("type", type).param("now", now).update();
        long id = jdbc.sql("SELECT id FROM institution WHERE code = :code").param("code", code).query(Long.class).single();
        String parentPath = parent == null ? "/" : jdbc.sql("SELECT path FROM institution WHERE id = :p").param("p", parent)
                .query(String.class).single();
        jdbc.sql("UPDATE institution SET path = :path WHERE id = :id").param("path", parentPath + id + "/").param("id", id).update();
        return id;
    }

    private List<Long> departments(long institution, String[] specs, OffsetDateTime now) {
        List<Long> ids = new ArrayList<>();
        for (String spec : specs) {
            String[] cn = spec.split(":");
            jdbc.sql("INSERT INTO department (institution_id, code, name, created_at) VALUES (:i, :c, :n, :now)")
                    .param("i", institution).param("c", cn[0]).param("n", cn[1]).param("now", now).update();
            ids.add(jdbc.sql("SELECT id FROM department WHERE institution_id = :i AND code = :c")
                    .param("i", institution).param("c", cn[0]).query(Long.class).single());
        }
        return ids;
    }

    private static String name(SplittableRandom random) {
        return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
                + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "");
    }
}
