package org.openhqd.platform.referral;

import java.util.List;

/**
 * Completed referrals (arrived, or completed after arriving) of a community in a period, as the
 * medical-community indicators count them: MC16 上转人次 is {@code up}, MC17 下转人次 is {@code down}.
 */
public record CompletedReferrals(long up, long down, List<Institution> institutions) {

    /** One member institution's completed referrals, as sender and as receiver. */
    public record Institution(long institutionId, String name, long upSent, long upReceived, long downSent, long downReceived) {
    }
}
