package org.openhqd.casemix.drg;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The scheme's lists inverted: for each code, the MDCs and entry rules whose lists hold it. A case
 * then tests its principal diagnosis against all MDC lists with one array read, and against an
 * entry rule's list by a search in a tiny array that is already in cache, instead of touching one
 * bit set per list — with realistic case mixes most grouping time went to those memory accesses.
 */
final class Membership {

    /** Per diagnosis id: bit {@link Mdc#position} set when the MDC's list holds the code. */
    private final long[] mdcsOfDx;
    /** Per diagnosis id: sorted {@link EntryRule#index} of the rules whose diagnosis list holds it. */
    private final int[][] rulesOfDx;
    /** Per procedure id: sorted {@link EntryRule#index} of the rules whose list A holds it. */
    private final int[][] rulesOfProcA;

    Membership(List<Mdc> mdcs, int dxCount, int procCount) {
        mdcsOfDx = new long[dxCount];
        for (Mdc mdc : mdcs) {
            for (int id : mdc.dxList.ids()) {
                mdcsOfDx[id] |= 1L << mdc.position;
            }
        }
        List<EntryRule> rules = mdcs.stream().flatMap(m -> m.rules.stream()).toList();
        rulesOfDx = invert(rules, dxCount, r -> r.dxList);
        rulesOfProcA = invert(rules, procCount, r -> r.procListA);
    }

    private static int[][] invert(List<EntryRule> rules, int codes, Function<EntryRule, CodeSet> list) {
        int[] count = new int[codes];
        for (EntryRule r : rules) {
            for (int id : list.apply(r).ids()) {
                count[id]++;
            }
        }
        int[][] out = new int[codes][];
        int[] empty = new int[0];
        for (int id = 0; id < codes; id++) {
            out[id] = count[id] == 0 ? empty : new int[count[id]];
        }
        int[] fill = new int[codes];
        for (EntryRule r : rules) {
            for (int id : list.apply(r).ids()) {
                out[id][fill[id]++] = r.index;
            }
        }
        for (int[] a : out) {
            Arrays.sort(a);
        }
        return out;
    }

    long mdcsOf(int dxId) {
        return dxId >= 0 ? mdcsOfDx[dxId] : 0L;
    }

    boolean dxInRuleList(int dxId, EntryRule rule) {
        return dxId >= 0 && contains(rulesOfDx[dxId], rule.index);
    }

    boolean procInRuleListA(int procId, EntryRule rule) {
        return procId >= 0 && contains(rulesOfProcA[procId], rule.index);
    }

    /** Linear for the usual one to four entries, binary beyond. */
    private static boolean contains(int[] sorted, int key) {
        if (sorted.length <= 8) {
            for (int v : sorted) {
                if (v == key) {
                    return true;
                }
            }
            return false;
        }
        return Arrays.binarySearch(sorted, key) >= 0;
    }
}
