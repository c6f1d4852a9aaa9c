package org.openhqd.platform.referral;

import java.time.LocalDate;
import java.util.Optional;
import org.openhqd.platform.community.ReferralCounts;
import org.springframework.stereotype.Component;

/**
 * Gives the medical-community indicators MC16 (上转人次) and MC17 (下转人次及下转率) their counts: the
 * completed referrals of {@link ReferralStatistics#counts} (arrived, by the day of arrival in China
 * time), so the dashboard and the indicators can never disagree.
 */
@Component
class ReferralCountsForCommunity implements ReferralCounts {

    private final ReferralStatistics statistics;

    ReferralCountsForCommunity(ReferralStatistics statistics) {
        this.statistics = statistics;
    }

    @Override
    public Optional<Counts> count(long communityId, LocalDate from, LocalDate to) {
        CompletedReferrals c = statistics.counts(communityId, from, to);
        return Optional.of(new Counts(c.up(), c.down()));
    }
}
