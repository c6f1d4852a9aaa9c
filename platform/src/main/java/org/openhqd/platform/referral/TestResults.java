package org.openhqd.platform.referral;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 检验检查结果互认: member institutions record their results; the receiver of a referral sees the
 * patient's results from the whole community; ordering a test whose result is still within its
 * recognition window gives an alert with the earlier result, so it is not repeated without reason.
 */
@Service
public class TestResults {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** A result as an institution records it. */
    public record NewTestResult(
            @NotBlank(message = "请填写检验检查编码 / testCode is required") @Size(max = 32) String testCode,
            @NotBlank(message = "请填写检验检查名称 / testName is required") @Size(max = 128) String testName,
            @NotNull(message = "请填写结果日期 / resultDate is required") LocalDate resultDate,
            @Size(max = 2000) String summary,
            @Size(max = 1000) String reportRef) {
    }

    /**
     * The answer for one ordered test code: {@code repeat} when a result of the community lies within
     * the code's window ({@code earlier} is the latest such result); {@code windowDays} is null for a
     * code without a window (no alert possible).
     */
    public record OrderCheck(String testCode, String testName, Integer windowDays, boolean repeat, TestResult earlier) {
    }

    private final JdbcClient jdbc;
    private final PatientAccess patients;
    private final ReferralStore referrals;
    private final RecognitionWindows windows;
    private final AuditLog audit;
    private final Clock clock;

    TestResults(JdbcClient jdbc, PatientAccess patients, ReferralStore referrals, RecognitionWindows windows, AuditLog audit,
                Clock clock) {
        this.jdbc = jdbc;
        this.patients = patients;
        this.referrals = referrals;
        this.windows = windows;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records a result made by the caller's institution for a patient within the caller's reach. */
    @Transactional
    public TestResult record(long patientId, NewTestResult n) {
        StaffPrincipal user = CurrentUser.get();
        PatientAccess.Patient patient = patients.find(patientId, user.scope()).orElseThrow(TestResults::unknownPatient);
        if (n.resultDate().isAfter(LocalDate.now(clock.withZone(CHINA)))) {
            throw new ReferralException(HttpStatus.BAD_REQUEST, "结果日期不能晚于今天 / resultDate is in the future", "resultDate");
        }
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO test_result (patient_id, institution_id, test_code, test_name, result_date, summary, report_ref,
                                                 recorded_by, recorded_at)
                        VALUES (:p, :i, :code, :name, :date, :summary, :ref, :by, :now)""")
                .param("p", patient.id()).param("i", user.institutionId()).param("code", n.testCode().trim())
                .param("name", n.testName()).param("date", n.resultDate()).param("summary", n.summary(), java.sql.Types.VARCHAR)
                .param("ref", n.reportRef(), java.sql.Types.VARCHAR).param("by", user.username())
                .param("now", ReferralStore.utc(clock.instant())).update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record(AuditAction.CREATE, "test-result", id, patient.id(), n.testCode() + " " + n.resultDate());
        return results("r.id = :id", patient.communityId()).param("id", id).query(TestResults::result).single();
    }

    /** The patient's results from every member institution, for staff who can see the referral. */
    @Transactional
    public List<TestResult> forReferral(long referralId) {
        StaffPrincipal user = CurrentUser.get();
        ReferralStore.Row r = referrals.row(referralId, user.scope()).orElseThrow(ReferralException::notFound);
        List<TestResult> list = results("r.patient_id = :p ORDER BY r.result_date DESC, r.id DESC", r.communityId())
                .param("p", r.patientId()).query(TestResults::result).list();
        audit.record(AuditAction.READ, "test-result", "referral " + referralId, r.patientId(), "rows " + list.size());
        return list;
    }

    /** The repeat-test alert: for each code ordered today, the latest result still within its window. */
    @Transactional
    public List<OrderCheck> check(long patientId, List<String> testCodes) {
        StaffPrincipal user = CurrentUser.get();
        PatientAccess.Patient patient = patients.find(patientId, user.scope()).orElseThrow(TestResults::unknownPatient);
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        List<OrderCheck> out = new ArrayList<>();
        for (String code : testCodes) {
            var window = windows.of(code.trim());
            if (window.isEmpty()) {
                out.add(new OrderCheck(code, null, null, false, null));
                continue;
            }
            TestResult earlier = results("r.patient_id = :p AND r.test_code = :code AND r.result_date >= :since "
                    + "ORDER BY r.result_date DESC, r.id DESC LIMIT 1", patient.communityId())
                    .param("p", patient.id()).param("code", window.get().code())
                    .param("since", today.minusDays(window.get().days())).query(TestResults::result).optional().orElse(null);
            out.add(new OrderCheck(code, window.get().name(), window.get().days(), earlier != null, earlier));
        }
        audit.record(AuditAction.READ, "test-result", "order-check", patient.id(), String.join(",", testCodes));
        return out;
    }

    /** Results recorded by institutions of the community (互认 is within the medical community). */
    private JdbcClient.StatementSpec results(String condition, long community) {
        return jdbc.sql("SELECT r.*, i.name AS institution_name FROM test_result r JOIN institution i ON i.id = r.institution_id "
                + "WHERE i.community_id = :community AND " + condition).param("community", community);
    }

    private static TestResult result(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new TestResult(rs.getLong("id"), rs.getLong("patient_id"), rs.getLong("institution_id"),
                rs.getString("institution_name"), rs.getString("test_code"), rs.getString("test_name"),
                rs.getObject("result_date", LocalDate.class), rs.getString("summary"), rs.getString("report_ref"),
                rs.getString("recorded_by"), ReferralStore.instant(rs, "recorded_at"));
    }

    private static ReferralException unknownPatient() {
        return new ReferralException(HttpStatus.NOT_FOUND, "患者不存在或无权访问 / unknown patient", "patientId");
    }
}
