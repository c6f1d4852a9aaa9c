package org.openhqd.platform.community;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Extension point for the referral-based indicators MC16 (上转人次) and MC17 (下转人次及下转率): the
 * referral module, developed separately, provides a bean implementing this; until it does, the
 * indicators show "pending the referral module" (待转诊模块). This module never reads referral data itself.
 */
public interface ReferralCounts {

    /** Completed referrals (status ARRIVED or later) of a community in a period. */
    record Counts(long up, long down) {
    }

    /**
     * The community's referrals that arrived in {@code [from, to)}, or empty when not available.
     */
    Optional<Counts> count(long communityId, LocalDate from, LocalDate to);

    /** The stand-in used while no referral module provides counts. */
    ReferralCounts NOT_AVAILABLE = (community, from, to) -> Optional.empty();
}
