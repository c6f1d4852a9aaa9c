package org.openhqd.platform.referral;

import java.time.Instant;

/** One state change of a referral: {@code from} is null when the referral was created. */
public record TimelineEntry(ReferralStatus from, ReferralStatus to, String actor, Instant at, String note) {
}
