package org.openhqd.casemix.normalise;

import java.util.List;
import org.openhqd.casemix.drg.GroupingResult;
import org.openhqd.casemix.drg.InpatientCase;

/**
 * What normalisation did to one case and what it changes for grouping.
 *
 * @param original the case as submitted
 * @param normalised the case after every change
 * @param changes each change, in field order
 * @param before grouping of the original (what the insurance bureau's grouper will do)
 * @param after grouping of the normalised case (what it would do after the fix)
 */
public record Normalisation(InpatientCase original, InpatientCase normalised, List<Change> changes,
                            GroupingResult before, GroupingResult after) {

    /** Whether the fix changes the group. */
    public boolean changesGroup() {
        return !before.sameGroupAs(after);
    }
}
