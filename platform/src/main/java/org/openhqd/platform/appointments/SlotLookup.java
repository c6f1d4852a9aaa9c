package org.openhqd.platform.appointments;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.openhqd.platform.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * One slot of the caller's community as listed by {@link Appointments#slots}, looked up by id: for
 * modules that book on behalf of a workflow (a referral books the receiving institution's REFERRAL
 * pool) and must first check whose slot it is.
 */
@Service
public class SlotLookup {

    private final JdbcClient jdbc;
    private final java.time.Clock clock;

    SlotLookup(JdbcClient jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The slot with what the channel can still book, or empty when unknown or in another community. */
    public Optional<SlotView> find(long slotId, Channel channel) {
        return jdbc.sql("""
                        SELECT s.id, s.session_id, cs.institution_id, cs.department_id, d.name AS department_name,
                               st.name AS doctor_name, cs.clinic_type, s.starts_at, s.ends_at, s.capacity,
                               COALESCE(p.capacity - p.booked, 0) AS pool_free,
                               CASE WHEN p.release_at <= :now THEN 1 ELSE 0 END AS released
                          FROM slot s
                          JOIN clinic_session cs ON cs.id = s.session_id
                          JOIN institution i ON i.id = cs.institution_id
                          JOIN department d ON d.id = cs.department_id
                          LEFT JOIN staff st ON st.id = cs.doctor_id
                          LEFT JOIN slot_pool p ON p.slot_id = s.id AND p.channel = :channel
                         WHERE s.id = :slot AND i.community_id = :community""")
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).param("channel", channel.name())
                .param("slot", slotId).param("community", CurrentUser.get().communityId())
                .query((rs, n) -> new SlotView(rs.getLong("id"), rs.getLong("session_id"), rs.getLong("institution_id"),
                        rs.getLong("department_id"), rs.getString("department_name"), rs.getString("doctor_name"),
                        rs.getString("clinic_type"), instant(rs.getTimestamp("starts_at")), instant(rs.getTimestamp("ends_at")),
                        rs.getInt("capacity"), rs.getInt("released") == 1 ? rs.getInt("pool_free") : 0, channel))
                .optional();
    }

    private static Instant instant(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
