package org.openhqd.platform.appointments;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages to patients about the no-show policy: a warning when one more event would bring a
 * penalty, the penalty itself, and its lifting after an appeal. <b>No SMS gateway or app push is
 * connected yet</b>: a notification is only stored ({@code patient_notice}, collected through {@code /api/v1/notices}), with channel
 * {@code SMS} when the patient has a phone number and {@code APP} otherwise, and status
 * {@code PENDING}; a delivery integration reads the pending rows and marks them SENT or FAILED.
 */
@Service
public class PatientNotifications {

    /** What the message is about. */
    public enum Kind { NO_SHOW_WARNING, NO_SHOW_PENALTY, NO_SHOW_PENALTY_LIFTED }

    private final JdbcClient jdbc;
    private final Clock clock;

    PatientNotifications(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores a pending message in the caller's transaction (it is sent only if what it reports commits). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void notify(long patientId, Kind kind, Long ruleId, Long penaltyId, String message) {
        String phone = jdbc.sql("SELECT phone FROM patient WHERE id = :p").param("p", patientId).query(String.class).optional().orElse(null);
        String channel = phone == null || phone.isBlank() ? "APP" : "SMS";
        jdbc.sql("""
                        INSERT INTO patient_notice (patient_id, channel, kind, rule_id, penalty_id, message, status, created_at)
                        VALUES (:p, :channel, :kind, :rule, :penalty, :message, 'PENDING', :now)""")
                .param("p", patientId).param("channel", channel).param("kind", kind.name())
                .param("rule", ruleId, java.sql.Types.BIGINT).param("penalty", penaltyId, java.sql.Types.BIGINT)
                .param("message", message).param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
    }
}
