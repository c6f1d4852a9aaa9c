package org.openhqd.platform.events;

import org.springframework.modulith.events.Externalized;

/**
 * A test event routed like ReferralStateChanged (exchange::receiving institution) but to an exchange
 * of its own, so the tests never put messages in front of a subscriber of real referral events.
 */
@Externalized("openhqd.outbox-test::#{toInstitutionId()}")
public record OutboxProbe(long probeId, long toInstitutionId, java.time.Instant occurredAt) {
}
