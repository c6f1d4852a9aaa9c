package org.openhqd.platform.drg;

import java.util.Set;

/**
 * Cases of these institutions were written or re-grouped (an import committed, a re-grouping
 * finished). Published inside the writing transaction; listeners that reprice the cases
 * (weights and payment) run after it commits.
 *
 * @param institutionIds the institutions whose cases changed
 * @param batchId the import batch, or null for a re-grouping
 */
public record DrgCasesChanged(Set<Long> institutionIds, Long batchId) {
}
