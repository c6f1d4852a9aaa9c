package org.openhqd.platform.drg;

import java.util.Set;

/**
 * The weights and payment figures of these institutions' cases were recomputed (after cases
 * changed, a weight set was loaded or computed, or the rates changed). Listeners that keep
 * aggregates (the analytics cube) rebuild them after it commits.
 *
 * @param institutionIds the institutions whose cases were repriced
 */
public record DrgCasesRepriced(Set<Long> institutionIds) {
}
