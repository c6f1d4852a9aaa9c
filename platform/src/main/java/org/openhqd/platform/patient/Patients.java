package org.openhqd.platform.patient;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.openhqd.platform.security.DataScope;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * Real-name patients. Every read is scoped in SQL to the caller's organisation subtree and
 * audited in the same transaction; identity numbers are validated, encrypted, hashed for
 * de-duplication and only ever returned masked.
 */
@Service
public class Patients {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    Patients(JdbcClient jdbc, AuditLog audit, PersonalDataCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.cipher = cipher;
        this.clock = clock;
    }

    public record Page(List<PatientView> content, int page, int size, long totalElements) {
    }

    @Transactional
    public Page list(DataScope scope, int page, int size) {
        int p = Math.max(0, page);
        int s = Math.min(Math.max(1, size), 200);
        long total = jdbc.sql("SELECT COUNT(*) FROM patient pt JOIN institution i ON i.id = pt.institution_id WHERE " + scope.sql("i"))
                .params(scope.params())
                .query(Long.class).single();
        List<PatientView> rows = jdbc.sql("SELECT pt.* FROM patient pt JOIN institution i ON i.id = pt.institution_id WHERE "
                        + scope.sql("i") + " ORDER BY pt.id LIMIT :limit OFFSET :offset")
                .params(scope.params())
                .param("limit", s).param("offset", (long) p * s)
                .query((rs, n) -> view(rs)).list();
        audit.record(AuditAction.READ, "patient-list", null, null, "page " + p + " size " + s + " rows " + rows.size());
        return new Page(rows, p, s, total);
    }

    /** One patient, audited as a read of that patient's record; empty when outside the scope. */
    @Transactional
    public Optional<PatientView> get(long id, DataScope scope) {
        Optional<PatientView> v = jdbc.sql("SELECT pt.* FROM patient pt JOIN institution i ON i.id = pt.institution_id WHERE pt.id = :id AND "
                        + scope.sql("i"))
                .param("id", id).params(scope.params())
                .query((rs, n) -> view(rs)).optional();
        v.ifPresent(p -> audit.record(AuditAction.READ, "patient", id, id, null));
        return v;
    }

    public record NewPatient(long institutionId, String name, String idNumber, InsuranceType insuranceType, String phone,
                             String address) {
    }

    /**
     * Registers a patient at an institution in the caller's scope.
     *
     * @throws InvalidPatientException with the field and reason when the data is invalid
     */
    @Transactional
    public PatientView register(NewPatient n, DataScope scope) {
        Integer inScope = jdbc.sql("SELECT COUNT(*) FROM institution i WHERE i.id = :id AND " + scope.sql("i"))
                .param("id", n.institutionId()).params(scope.params()).query(Integer.class).single();
        if (inScope == 0) {
            throw new InvalidPatientException("institutionId", "机构不存在或无权访问 / unknown institution");
        }
        IdNumber.Result parsed = IdNumber.parse(n.idNumber(), LocalDate.now(clock.withZone(CHINA)));
        IdNumber id = parsed.id().orElseThrow(() -> new InvalidPatientException("idNumber", parsed.error()));
        String hash = cipher.hash(id.value());
        Integer dup = jdbc.sql("SELECT COUNT(*) FROM patient WHERE id_number_hash = :h").param("h", hash).query(Integer.class).single();
        if (dup > 0) {
            throw new InvalidPatientException("idNumber", "该身份证号已登记 / a patient with this ID number is already registered");
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.sql("""
                        INSERT INTO patient (institution_id, name, sex, birth_date, id_number_enc, id_number_hash,
                                             id_number_masked, insurance_type, phone, address, created_at, updated_at)
                        VALUES (:inst, :name, :sex, :birth, :enc, :hash, :masked, :ins, :phone, :addr, :now, :now)""")
                .param("inst", n.institutionId()).param("name", n.name()).param("sex", id.sex())
                .param("birth", id.birthDate()).param("enc", cipher.encrypt(id.value())).param("hash", hash)
                .param("masked", id.masked()).param("ins", n.insuranceType().name())
                .param("phone", n.phone(), java.sql.Types.VARCHAR).param("addr", n.address(), java.sql.Types.VARCHAR)
                .param("now", now).update();
        long newId = jdbc.sql("SELECT id FROM patient WHERE id_number_hash = :h").param("h", hash).query(Long.class).single();
        audit.record(AuditAction.CREATE, "patient", newId, newId, "masked " + id.masked());
        return new PatientView(newId, n.institutionId(), n.name(), id.sex(), id.birthDate(), id.masked(), n.insuranceType(),
                PatientView.maskPhone(n.phone()));
    }

    private static PatientView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PatientView(rs.getLong("id"), rs.getLong("institution_id"), rs.getString("name"), rs.getString("sex"),
                rs.getObject("birth_date", LocalDate.class), rs.getString("id_number_masked"),
                InsuranceType.valueOf(rs.getString("insurance_type")), PatientView.maskPhone(rs.getString("phone")));
    }

    /** Bad patient data, reported as a 400 problem naming the field. */
    public static final class InvalidPatientException extends ErrorResponseException {
        private final String field;

        public InvalidPatientException(String field, String message) {
            super(HttpStatus.BAD_REQUEST);
            this.field = field;
            getBody().setDetail(message);
            getBody().setProperty("errors", List.of(java.util.Map.of("field", field, "message", message)));
        }

        public String field() {
            return field;
        }
    }

    /** Outside the scope or absent: 404 either way. */
    public static final class PatientNotFoundException extends ErrorResponseException {
        public PatientNotFoundException() {
            super(HttpStatus.NOT_FOUND);
            getBody().setDetail("不存在或无权访问 / not found");
        }
    }
}
