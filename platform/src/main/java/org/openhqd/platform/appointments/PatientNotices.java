package org.openhqd.platform.appointments;

import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes messages for patients (stop-clinic, substitution, waitlist promotion, returned numbers)
 * into the same transaction as the change they report. No SMS gateway is built in: an integration
 * collects PENDING notices through the API and marks them SENT.
 */
@Component
class PatientNotices {

    private final JdbcClient jdbc;
    private final Clock clock;

    PatientNotices(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void notify(long patientId, Long appointmentId, String kind, String message) {
        jdbc.sql("INSERT INTO patient_notice (patient_id, appointment_id, kind, message, status, created_at) "
                        + "VALUES (:p, :a, :k, :m, 'PENDING', :now)")
                .param("p", patientId).param("a", appointmentId, java.sql.Types.BIGINT).param("k", kind)
                .param("m", message.length() > 500 ? message.substring(0, 500) : message)
                .param("now", Appointments.utc(clock.instant())).update();
    }
}
