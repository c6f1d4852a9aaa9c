package org.openhqd.casemix.drg;

import java.util.List;

/** A major diagnostic category with its entry test and its entry rules in evaluation order. */
final class Mdc {

    final int order;
    /** Position in evaluation order (< 64); the MDC's bit in {@link Membership#mdcsOfDx}. */
    final int position;
    final String letter;
    /** As reported in results: {@code MDC} + letter. */
    final String code;
    /** Entry clause {@code dx_scope = principal}: the principal diagnosis is in {@link #dxList}. */
    final boolean principalDxInList;
    /** Entry clause {@code valid_proc = principal_valid}. */
    final boolean principalProcValid;
    /** Entry clause {@code sex}, or null. */
    final String sex;
    /** Entry clause {@code age_years_eq}, or {@link Drg#ABSENT}. */
    final int ageYearsEq;
    /** Entry clause {@code min_trauma_regions}, or 0 when absent. */
    final int minTraumaRegions;
    final CodeSet dxList;
    /** Trauma region (bit index) of each diagnosis id, -1 when none; null when the MDC has none. */
    final byte[] traumaRegion;
    /** Region names by bit index, for explanations. */
    final List<String> traumaRegionNames;
    final List<EntryRule> rules;
    final EntryRule[] enabledRules;

    Mdc(int order, int position, String letter, boolean principalDxInList, boolean principalProcValid, String sex,
        int ageYearsEq, int minTraumaRegions, CodeSet dxList, byte[] traumaRegion,
        List<String> traumaRegionNames, List<EntryRule> rules) {
        this.order = order;
        this.position = position;
        this.letter = letter;
        this.code = "MDC" + letter;
        this.principalDxInList = principalDxInList;
        this.principalProcValid = principalProcValid;
        this.sex = sex;
        this.ageYearsEq = ageYearsEq;
        this.minTraumaRegions = minTraumaRegions;
        this.dxList = dxList;
        this.traumaRegion = traumaRegion;
        this.traumaRegionNames = List.copyOf(traumaRegionNames);
        this.rules = List.copyOf(rules);
        this.enabledRules = rules.stream().filter(r -> r.enabled).toArray(EntryRule[]::new);
    }

    /** The distinct trauma regions (as a bit mask) of all the case's diagnoses in this MDC's list. */
    long traumaRegions(int[] dx) {
        long mask = 0;
        for (int id : dx) {
            if (id >= 0 && id < traumaRegion.length && traumaRegion[id] >= 0) {
                mask |= 1L << traumaRegion[id];
            }
        }
        return mask;
    }
}
