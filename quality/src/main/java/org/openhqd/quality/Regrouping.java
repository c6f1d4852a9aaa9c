package org.openhqd.quality;

/**
 * What the group would be if a finding were fixed as suggested: the fix and the group before and
 * after it. A suggestion, never an automatic rewrite (record-quality.md §7).
 *
 * @param fixZh the suggested fix in Chinese
 * @param fixEn the suggested fix in English
 * @param before the group as submitted
 * @param after the group with the fix applied
 */
public record Regrouping(String fixZh, String fixEn, GroupOutcome before, GroupOutcome after) {

    /** Whether the fix moves the case to another group (status, MDC, ADRG or DRG). */
    public boolean changesGroup() {
        return !before.status().equals(after.status()) || !before.mdc().equals(after.mdc())
                || !before.adrg().equals(after.adrg()) || !before.drg().equals(after.drg());
    }

    /** {@code GZ13 … → GZ11 …} or {@code GZ13 … (unchanged)}. */
    public String describe() {
        return changesGroup() ? before.describe() + " → " + after.describe() : before.describe() + "（不变 / unchanged）";
    }
}
