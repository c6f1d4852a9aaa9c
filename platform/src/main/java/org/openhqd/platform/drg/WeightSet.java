package org.openhqd.platform.drg;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A version of a community's DRG weights for one grouping scheme (权重集), computed from its cases or
 * loaded from the insurer's table. One set per community and scheme is active: it prices the cases.
 *
 * @param referenceCost M, the cost of a case of weight 1.0 (computed: the weighted trimmed mean cost
 *     of all cases; official: total cost ÷ total weight of the community's grouped cases when loaded)
 * @param method the method's parameters, {@code key=value; ...} (null for an official table)
 * @param years the discharge years used and their weights, e.g. {@code 2023:1,2024:2,2025:7}
 * @param population whose cases a computed set was computed from
 */
public record WeightSet(long id, long communityId, String schemeId, String name, String versionLabel, Source source,
                        Status status, String population, String method, String years, BigDecimal referenceCost,
                        long casesTotal, long casesUsed, long casesTrimmed, int drgsWeighted, int drgsFlagged,
                        String createdBy, OffsetDateTime createdAt, String activatedBy, OffsetDateTime activatedAt) {

    public enum Source {
        /** Computed from the community's imported cases. */
        COMPUTED,
        /** Loaded from the insurer's published table (CSV). */
        OFFICIAL
    }

    public enum Status {
        /** Not (yet) used for pricing. */
        DRAFT,
        /** The community's set for the scheme: it prices the cases. */
        ACTIVE,
        /** Was active, replaced by another. */
        RETIRED
    }
}
