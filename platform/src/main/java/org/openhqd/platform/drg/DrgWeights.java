package org.openhqd.platform.drg;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The DRG weight sets (权重集) of a community: which one is active for a scheme and the figures it
 * holds per DRG (weight, benchmark cost and stay, mortality risk level) — for the case page, the
 * analytics definitions and anything else that compares a case with its DRG.
 */
public interface DrgWeights {

    /** The set that prices the community's cases grouped with this scheme, if any. */
    Optional<WeightSet> activeSet(long communityId, String schemeId);

    /** A set by id, if it belongs to the community. */
    Optional<WeightSet> set(long communityId, long setId);

    /** One DRG's figures in a set. */
    Optional<WeightRow> row(long setId, String drg);

    /** Every DRG's figures in a set, by DRG code. */
    Map<String, WeightRow> rows(long setId);

    /** The active set's figures for a community and scheme (empty when no set is active). */
    default Map<String, WeightRow> activeRows(long communityId, String schemeId) {
        return activeSet(communityId, schemeId).map(s -> rows(s.id())).orElse(Map.of());
    }

    /** The community's sets for a scheme, newest first. */
    List<WeightSet> sets(long communityId, String schemeId);
}
