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
    /** Entry clause {@code dx_scope = any}: some diagnosis is in {@link #dxList}. */
    final boolean anyDxInList;
    /** Entry clause {@code valid_proc = principal_valid}. */
    final boolean principalProcValid;
    /** Entry clause {@code sex}, or null. */
    final String sex;
    /** Entry clause {@code sex_not}: the case's sex is not this one (an absent sex passes), or null. */
    final String sexNot;
    /** Entry clause {@code age_years_eq}, or {@link Drg#ABSENT}. */
    final int ageYearsEq;
    /** Entry clause {@code age_days_max}, or {@link Drg#ABSENT}. */
    final int ageDaysMax;
    /** Entry clause {@code min_trauma_regions}, or 0 when absent. */
    final int minTraumaRegions;
    /**
     * {@code on_no_adrg = stop}: when no entry rule of this MDC holds, the case is ungroupable in
     * it instead of going on to the next MDC.
     */
    final boolean stopWhenNoAdrg;
    final CodeSet dxList;
    /** Trauma region (bit index) of each diagnosis id, -1 when none; null when the MDC has none. */
    final byte[] traumaRegion;
    /** Region names by bit index, for explanations. */
    final List<String> traumaRegionNames;
    final List<EntryRule> rules;
    final EntryRule[] enabledRules;

    Mdc(int order, int position, String letter, boolean principalDxInList, boolean anyDxInList,
        boolean principalProcValid, String sex, String sexNot, int ageYearsEq, int ageDaysMax,
        int minTraumaRegions, boolean stopWhenNoAdrg, CodeSet dxList, byte[] traumaRegion,
        List<String> traumaRegionNames, List<EntryRule> rules) {
        this.order = order;
        this.position = position;
        this.letter = letter;
        this.code = "MDC" + letter;
        this.principalDxInList = principalDxInList;
        this.anyDxInList = anyDxInList;
        this.principalProcValid = principalProcValid;
        this.sex = sex;
        this.sexNot = sexNot;
        this.ageYearsEq = ageYearsEq;
        this.ageDaysMax = ageDaysMax;
        this.minTraumaRegions = minTraumaRegions;
        this.stopWhenNoAdrg = stopWhenNoAdrg;
        this.dxList = dxList;
        this.traumaRegion = traumaRegion;
        this.traumaRegionNames = List.copyOf(traumaRegionNames);
        this.rules = List.copyOf(rules);
        this.enabledRules = rules.stream().filter(r -> r.enabled).toArray(EntryRule[]::new);
    }

    /** Whether the MDC has no entry clause at all (CHS-DRG 2.0's MDC A: always tried). */
    boolean unconditional() {
        return !principalDxInList && !anyDxInList && !principalProcValid && sex == null && sexNot == null
                && ageYearsEq == Drg.ABSENT && ageDaysMax == Drg.ABSENT && minTraumaRegions == 0;
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
