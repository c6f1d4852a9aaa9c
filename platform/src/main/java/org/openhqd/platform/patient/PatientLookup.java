package org.openhqd.platform.patient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.openhqd.platform.security.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finding one patient for a booking: by name or by the full resident ID number at the registration
 * desk, and the real-name check (实名验证) of the self-service booking pages. An ID number is only
 * ever compared through its keyed hash; it is never decrypted or shown unmasked.
 */
@Service
public class PatientLookup {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int MAX_RESULTS = 20;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    PatientLookup(JdbcClient jdbc, AuditLog audit, PersonalDataCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * Patients of the scope whose name is {@code text}, or whose ID number is {@code text} when it
     * is a valid one; at most 20, each read audited.
     */
    @Transactional
    public List<PatientView> search(String text, DataScope scope) {
        String q = text == null ? "" : text.strip();
        if (q.isEmpty() || q.length() > 64) {
            return List.of();
        }
        IdNumber.Result id = IdNumber.parse(q, today());
        String condition = id.valid() ? "pt.id_number_hash = :q" : "pt.name = :q";
        Object value = id.valid() ? cipher.hash(id.id().orElseThrow().value()) : q;
        List<PatientView> found = jdbc.sql("SELECT pt.* FROM patient pt JOIN institution i ON i.id = pt.institution_id WHERE "
                        + condition + " AND " + scope.sql("i") + " ORDER BY pt.id LIMIT " + MAX_RESULTS)
                .param("q", value).params(scope.params())
                .query((rs, n) -> view(rs)).list();
        for (PatientView p : found) {
            audit.record(AuditAction.READ, "patient", p.id(), p.id(), id.valid() ? "search by ID number" : "search by name");
        }
        return found;
    }

    /** One patient of the scope, masked and audited; empty when outside it. */
    @Transactional
    public Optional<PatientView> get(long id, DataScope scope, String purpose) {
        Optional<PatientView> v = jdbc.sql("SELECT pt.* FROM patient pt JOIN institution i ON i.id = pt.institution_id "
                        + "WHERE pt.id = :id AND " + scope.sql("i"))
                .param("id", id).params(scope.params()).query((rs, n) -> view(rs)).optional();
        v.ifPresent(p -> audit.record(AuditAction.READ, "patient", id, id, purpose));
        return v;
    }

    /**
     * A patient who proved who they are: the record's id and where it is registered, which is all
     * the self-service pages keep (no name, no number).
     */
    public record Verified(long patientId, long institutionId, long communityId, String institutionPath)
            implements java.io.Serializable {
    }

    /**
     * The real-name check: the full ID number finds the record through its hash, and the name and the
     * last four digits of the phone on record must both match. Empty on any mismatch, without
     * saying which part was wrong. Not audited here: the caller records it as its own actor.
     */
    @Transactional(readOnly = true)
    public Optional<Verified> verify(String name, String idNumber, String phoneLast4) {
        IdNumber.Result id = IdNumber.parse(idNumber, today());
        if (!id.valid() || name == null || phoneLast4 == null || !phoneLast4.strip().matches("\\d{4}")) {
            return Optional.empty();
        }
        record Row(long id, long institution, long community, String path, String name, String phone) {
        }
        Optional<Row> row = jdbc.sql("SELECT pt.id, pt.institution_id, i.community_id, i.path, pt.name, pt.phone FROM patient pt "
                        + "JOIN institution i ON i.id = pt.institution_id WHERE pt.id_number_hash = :h")
                .param("h", cipher.hash(id.id().orElseThrow().value()))
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getString(6)))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Row r = row.get();
        String phone = r.phone() == null ? "" : r.phone().strip();
        String last4 = phone.length() >= 4 ? phone.substring(phone.length() - 4) : "";
        // both compared in full (no early exit), so timing tells nothing about which one was wrong
        boolean nameMatches = equal(r.name().strip(), name.strip());
        boolean phoneMatches = equal(last4, phoneLast4.strip()) && !last4.isEmpty();
        return nameMatches & phoneMatches
                ? Optional.of(new Verified(r.id(), r.institution(), r.community(), r.path())) : Optional.empty();
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    private static PatientView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PatientView(rs.getLong("id"), rs.getLong("institution_id"), rs.getString("name"), rs.getString("sex"),
                rs.getObject("birth_date", LocalDate.class), rs.getString("id_number_masked"),
                InsuranceType.valueOf(rs.getString("insurance_type")), PatientView.maskPhone(rs.getString("phone")));
    }
}
