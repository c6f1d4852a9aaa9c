package org.openhqd.quality;

import org.openhqd.casemix.drg.InpatientCase;

/** A fix a rule proposes: in words, and as the grouping case it would produce. */
record SuggestedFix(String zh, String en, InpatientCase fixed) {
}
