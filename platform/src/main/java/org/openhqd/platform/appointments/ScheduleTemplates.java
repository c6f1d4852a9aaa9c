package org.openhqd.platform.appointments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.DataScope;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the schedule templates (排班模板) of the institutions in the caller's scope. */
@Service
public class ScheduleTemplates {

    /** The channel that unused reserved numbers go back to. */
    static final Channel PUBLIC_CHANNEL = Channel.APP;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    ScheduleTemplates(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** A template to create; ids of institution, department and doctor are checked against the caller's scope. */
    public record Draft(long institutionId, long departmentId, Long doctorId, String resourceName, DayOfWeek weekday,
                        ClinicBlock block, LocalTime start, LocalTime end, String campus, String room, ClinicType clinicType,
                        int slotMinutes, int numbersPerSlot, int releaseDays, LocalTime releaseTime, Eligibility eligibility,
                        LocalDate validFrom, LocalDate validTo, List<ScheduleTemplate.Pool> pools) {
    }

    @Transactional
    public ScheduleTemplate create(Draft d) {
        DataScope scope = CurrentUser.get().scope();
        boolean placeInScope = jdbc.sql("SELECT COUNT(*) FROM department dp JOIN institution i ON i.id = dp.institution_id "
                        + "WHERE dp.id = :d AND i.id = :h AND " + scope.sql("i"))
                .param("d", d.departmentId()).param("h", d.institutionId()).params(scope.params()).query(Long.class).single() > 0;
        if (!placeInScope) {
            throw invalid(HttpStatus.NOT_FOUND, "departmentId", "科室不存在、不属于该机构或无权访问 / unknown department of this institution");
        }
        if (d.doctorId() != null) {
            // an expert from the county hospital may hold a clinic at a township (专家下沉): same community is enough
            boolean doctorInCommunity = jdbc.sql("SELECT COUNT(*) FROM staff s JOIN institution i ON i.id = s.institution_id "
                            + "JOIN institution h ON h.community_id = i.community_id WHERE s.id = :s AND h.id = :h AND s.enabled")
                    .param("s", d.doctorId()).param("h", d.institutionId()).query(Long.class).single() > 0;
            if (!doctorInCommunity) {
                throw invalid(HttpStatus.NOT_FOUND, "doctorId", "医生不存在或不在本医共体 / unknown doctor in this community");
            }
        }
        validate(d);
        var keys = new GeneratedKeyHolder();
        Eligibility e = d.eligibility() == null ? Eligibility.ANYONE : d.eligibility();
        jdbc.sql("""
                        INSERT INTO schedule_template (institution_id, department_id, doctor_id, resource_name, weekday, block, starts_at,
                               ends_at, campus, room, clinic_type, slot_minutes, numbers_per_slot, release_days, release_time, min_age,
                               max_age, sex, referral_required, valid_from, valid_to, active, created_by, created_at)
                        VALUES (:h, :d, :doc, :name, :wd, :block, :start, :end, :campus, :room, :type, :len, :n, :rd, :rt, :minAge,
                                :maxAge, :sex, :ref, :from, :to, TRUE, :by, :now)""")
                .param("h", d.institutionId()).param("d", d.departmentId()).param("doc", d.doctorId(), java.sql.Types.BIGINT)
                .param("name", d.resourceName()).param("wd", d.weekday().getValue()).param("block", d.block().name())
                .param("start", d.start()).param("end", d.end()).param("campus", d.campus(), java.sql.Types.VARCHAR)
                .param("room", d.room(), java.sql.Types.VARCHAR).param("type", d.clinicType().name()).param("len", d.slotMinutes())
                .param("n", d.numbersPerSlot()).param("rd", d.releaseDays()).param("rt", d.releaseTime())
                .param("minAge", e.minAge(), java.sql.Types.INTEGER).param("maxAge", e.maxAge(), java.sql.Types.INTEGER)
                .param("sex", e.sex(), java.sql.Types.VARCHAR).param("ref", e.referralRequired())
                .param("from", d.validFrom()).param("to", d.validTo(), java.sql.Types.DATE)
                .param("by", CurrentUser.name()).param("now", Appointments.utc(clock.instant())).update(keys, "id");
        long id = keys.getKey().longValue();
        for (ScheduleTemplate.Pool p : d.pools()) {
            jdbc.sql("INSERT INTO schedule_template_pool (template_id, channel, numbers, release_days_earlier, return_days, return_time) "
                            + "VALUES (:t, :c, :n, :k, :rd, :rt)")
                    .param("t", id).param("c", p.channel().name()).param("n", p.numbers()).param("k", p.releaseDaysEarlier())
                    .param("rd", p.returnDays(), java.sql.Types.INTEGER).param("rt", p.returnTime(), java.sql.Types.TIME).update();
        }
        audit.record(AuditAction.CREATE, "schedule_template", id, null, d.resourceName() + " " + d.weekday() + " " + d.block());
        return find(id);
    }

    /** Checks the rules a template must keep; the first broken one is reported with its field. */
    static void validate(Draft d) {
        if (d.resourceName() == null || d.resourceName().isBlank() || d.resourceName().length() > 128) {
            throw invalid(HttpStatus.BAD_REQUEST, "resourceName", "出诊资源名称必填（≤128 字）/ resourceName is required (≤128 characters)");
        }
        if (!d.start().isBefore(d.end())) {
            throw invalid(HttpStatus.BAD_REQUEST, "end", "结束时间须晚于开始时间 / end must be after start");
        }
        // policy asks for booked windows of at most 30 minutes; MDT visits need longer ones
        int maxMinutes = d.clinicType() == ClinicType.MDT ? 60 : 30;
        if (d.slotMinutes() < 5 || d.slotMinutes() > maxMinutes) {
            throw invalid(HttpStatus.BAD_REQUEST, "slotMinutes",
                    "时段长度须为 5–" + maxMinutes + " 分钟 / slotMinutes must be 5–" + maxMinutes);
        }
        if (d.numbersPerSlot() < 1 || d.numbersPerSlot() > 100) {
            throw invalid(HttpStatus.BAD_REQUEST, "numbersPerSlot", "每时段号源数须为 1–100 / numbersPerSlot must be 1–100");
        }
        if (d.releaseDays() < 0 || d.releaseDays() > 90) {
            throw invalid(HttpStatus.BAD_REQUEST, "releaseDays", "放号提前天数须为 0–90 / releaseDays must be 0–90");
        }
        if (d.validTo() != null && d.validTo().isBefore(d.validFrom())) {
            throw invalid(HttpStatus.BAD_REQUEST, "validTo", "失效日期早于生效日期 / validTo is before validFrom");
        }
        if (d.pools() == null || d.pools().isEmpty()) {
            throw invalid(HttpStatus.BAD_REQUEST, "pools", "至少需要一个号源池 / at least one pool is required");
        }
        Set<Channel> seen = EnumSet.noneOf(Channel.class);
        int sum = 0;
        for (int i = 0; i < d.pools().size(); i++) {
            ScheduleTemplate.Pool p = d.pools().get(i);
            String f = "pools[" + i + "]";
            if (p.channel() == Channel.ADD_ON) {
                throw invalid(HttpStatus.BAD_REQUEST, f + ".channel", "加号不是预设号源池 / ADD_ON numbers are given by the doctor, not planned");
            }
            if (!seen.add(p.channel())) {
                throw invalid(HttpStatus.BAD_REQUEST, f + ".channel", "渠道重复 / channel listed twice: " + p.channel());
            }
            if (p.numbers() < 0 || p.releaseDaysEarlier() < 0 || p.releaseDaysEarlier() > 30) {
                throw invalid(HttpStatus.BAD_REQUEST, f, "号源数或提前放号天数无效 / invalid numbers or releaseDaysEarlier");
            }
            if ((p.returnDays() == null) != (p.returnTime() == null) || (p.returnDays() != null && p.returnDays() < 0)) {
                throw invalid(HttpStatus.BAD_REQUEST, f + ".returnDays", "回流日与回流时间须同时填写 / returnDays and returnTime go together");
            }
            if (p.returnDays() != null && p.channel() == PUBLIC_CHANNEL) {
                throw invalid(HttpStatus.BAD_REQUEST, f + ".returnDays", "公共号源池不回流 / the public pool does not return numbers");
            }
            sum += p.numbers();
        }
        if (sum != d.numbersPerSlot()) {
            throw invalid(HttpStatus.BAD_REQUEST, "pools",
                    "各号源池之和 " + sum + " 须等于每时段号源数 " + d.numbersPerSlot() + " / pools must add up to numbersPerSlot");
        }
        if (d.pools().stream().anyMatch(p -> p.returnDays() != null) && !seen.contains(PUBLIC_CHANNEL)) {
            throw invalid(HttpStatus.BAD_REQUEST, "pools", "有回流规则时须有 APP 公共号源池 / returning pools need an APP pool to return to");
        }
    }

    public List<ScheduleTemplate> list(Long institutionId) {
        DataScope scope = CurrentUser.get().scope();
        return load("WHERE " + scope.sql("i") + " AND (:h < 0 OR t.institution_id = :h) ORDER BY t.institution_id, t.department_id, t.weekday, t.starts_at",
                Map.of("h", institutionId == null ? -1L : institutionId), scope);
    }

    public ScheduleTemplate find(long id) {
        DataScope scope = CurrentUser.get().scope();
        return load("WHERE " + scope.sql("i") + " AND t.id = :id", Map.of("id", id), scope).stream().findFirst()
                .orElseThrow(() -> invalid(HttpStatus.NOT_FOUND, "id", "排班模板不存在或无权访问 / unknown template"));
    }

    /** Stops a template from making new sessions; sessions already made stay (stop them one by one). */
    @Transactional
    public void deactivate(long id) {
        find(id);
        jdbc.sql("UPDATE schedule_template SET active = FALSE WHERE id = :id").param("id", id).update();
        audit.record(AuditAction.UPDATE, "schedule_template", id, null, "deactivated");
    }

    /** Every active template, for the generator (no caller scope: it runs for the whole system). */
    List<ScheduleTemplate> allActive() {
        return load("WHERE t.active", Map.of(), null);
    }

    private List<ScheduleTemplate> load(String where, Map<String, Object> params, DataScope scope) {
        var spec = jdbc.sql("SELECT t.* FROM schedule_template t JOIN institution i ON i.id = t.institution_id " + where).params(params);
        if (scope != null) {
            spec = spec.params(scope.params());
        }
        List<ScheduleTemplate> bare = spec.query(ScheduleTemplates::template).list();
        if (bare.isEmpty()) {
            return bare;
        }
        Map<Long, List<ScheduleTemplate.Pool>> pools = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM schedule_template_pool WHERE template_id IN (:ids) ORDER BY template_id, channel")
                .param("ids", bare.stream().map(ScheduleTemplate::id).toList())
                .query((ResultSet rs) -> {
                    pools.computeIfAbsent(rs.getLong("template_id"), k -> new ArrayList<>()).add(pool(rs));
                });
        return bare.stream().map(t -> new ScheduleTemplate(t.id(), t.institutionId(), t.departmentId(), t.doctorId(),
                t.resourceName(), t.weekday(), t.block(), t.start(), t.end(), t.campus(), t.room(), t.clinicType(),
                t.slotMinutes(), t.numbersPerSlot(), t.releaseDays(), t.releaseTime(), t.eligibility(), t.validFrom(),
                t.validTo(), t.active(), pools.getOrDefault(t.id(), List.of()))).toList();
    }

    private static ScheduleTemplate template(ResultSet rs, int n) throws SQLException {
        long doctor = rs.getLong("doctor_id");
        Long doctorId = rs.wasNull() ? null : doctor;
        java.sql.Date to = rs.getDate("valid_to");
        return new ScheduleTemplate(rs.getLong("id"), rs.getLong("institution_id"), rs.getLong("department_id"), doctorId,
                rs.getString("resource_name"), DayOfWeek.of(rs.getInt("weekday")), ClinicBlock.valueOf(rs.getString("block")),
                rs.getTime("starts_at").toLocalTime(), rs.getTime("ends_at").toLocalTime(), rs.getString("campus"),
                rs.getString("room"), ClinicType.valueOf(rs.getString("clinic_type")), rs.getInt("slot_minutes"),
                rs.getInt("numbers_per_slot"), rs.getInt("release_days"), rs.getTime("release_time").toLocalTime(),
                new Eligibility(integer(rs, "min_age"), integer(rs, "max_age"), rs.getString("sex"), rs.getBoolean("referral_required")),
                rs.getDate("valid_from").toLocalDate(), to == null ? null : to.toLocalDate(), rs.getBoolean("active"), List.of());
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static ScheduleTemplate.Pool pool(ResultSet rs) throws SQLException {
        return new ScheduleTemplate.Pool(Channel.valueOf(rs.getString("channel")), rs.getInt("numbers"),
                rs.getInt("release_days_earlier"), integer(rs, "return_days"),
                rs.getTime("return_time") == null ? null : rs.getTime("return_time").toLocalTime());
    }

    static Appointments.BookingException invalid(HttpStatus status, String field, String message) {
        return new Appointments.BookingException(status, field, message);
    }
}
