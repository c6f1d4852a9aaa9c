package org.openhqd.platform.referral;

import java.time.Instant;
import org.springframework.modulith.events.Externalized;

/**
 * A referral changed state. Published inside the state change's transaction, so it is stored and
 * delivered with the change or not at all; externalised to the broker under a routing key per
 * receiving institution, so a HIS subscribes to its own inbox.
 */
@Externalized("openhqd.referral::#{toInstitutionId()}")
public record ReferralStateChanged(long referralId, long fromInstitutionId, long toInstitutionId, Direction direction,
                                   ReferralStatus status, Instant occurredAt) {
}
