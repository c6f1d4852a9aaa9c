package org.openhqd.platform.referral;

import java.util.Optional;
import org.openhqd.platform.security.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which patients a caller may refer or record results for: those registered in the caller's scope,
 * and those a referral has brought to (or from) the caller's scope — a county hospital refers a
 * township's patient back down after treating them, without the patient being registered there.
 */
@Component
class PatientAccess {

    /** A patient as a referral needs it. */
    record Patient(long id, long institutionId, long communityId, String institutionPath) {
    }

    private final JdbcClient jdbc;

    PatientAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Patient> find(long patientId, DataScope scope) {
        return jdbc.sql("""
                        SELECT p.id, p.institution_id, i.community_id, i.path
                          FROM patient p JOIN institution i ON i.id = p.institution_id
                         WHERE p.id = :p AND (""" + scope.sql("i") + """
                                OR EXISTS (SELECT 1 FROM referral r
                                             JOIN institution fi ON fi.id = r.from_institution
                                             JOIN institution ti ON ti.id = r.to_institution
                                            WHERE r.patient_id = p.id AND """ + ReferralStore.visibleTo(scope) + "))")
                .param("p", patientId).params(scope.params())
                .query((rs, n) -> new Patient(rs.getLong("id"), rs.getLong("institution_id"), rs.getLong("community_id"),
                        rs.getString("path")))
                .optional();
    }
}
