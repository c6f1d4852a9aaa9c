package org.openhqd.casemix.drg;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A procedure tag rule such as {@code 1+2|1+3+4}: an OR of AND-groups of tags. The tags are those
 * a rule's list T gives its procedures; the rule holds when the union of the tags of all the
 * case's procedures contains some group. Tags are interned per rule into bits of a long.
 */
final class TagRule {

    static final TagRule NONE = new TagRule("", new long[0], new int[0], new long[0], List.of());

    final String text;
    private final long[] groups;
    /** Procedure ids of list T, ascending, and the tag bits of each. */
    private final int[] procs;
    private final long[] tags;
    private final List<String> tagNames;

    private TagRule(String text, long[] groups, int[] procs, long[] tags, List<String> tagNames) {
        this.text = text;
        this.groups = groups;
        this.procs = procs;
        this.tags = tags;
        this.tagNames = tagNames;
    }

    /**
     * @param text the rule, e.g. {@code 1+2|1+3+4}
     * @param procTags for each procedure id of list T, its tags
     * @throws IllegalArgumentException when the rule names a tag no procedure carries or uses more
     *     than 64 distinct tags
     */
    static TagRule parse(String text, Map<Integer, List<String>> procTags) {
        List<String> names = new java.util.ArrayList<>();
        Map<String, Integer> bit = new HashMap<>();
        Map<Integer, Long> byProc = new HashMap<>();
        for (Map.Entry<Integer, List<String>> e : procTags.entrySet()) {
            long mask = 0;
            for (String tag : e.getValue()) {
                mask |= 1L << bitOf(tag, bit, names);
            }
            byProc.put(e.getKey(), mask);
        }
        String[] alternatives = text.split("\\|", -1);
        long[] groups = new long[alternatives.length];
        for (int i = 0; i < alternatives.length; i++) {
            for (String tag : alternatives[i].split("\\+", -1)) {
                if (tag.isEmpty()) {
                    throw new IllegalArgumentException("empty tag in tag rule '" + text + "'");
                }
                groups[i] |= 1L << bitOf(tag, bit, names);
            }
        }
        int[] ids = byProc.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        long[] masks = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            masks[i] = byProc.get(ids[i]);
        }
        return new TagRule(text, groups, ids, masks, List.copyOf(names));
    }

    private static int bitOf(String tag, Map<String, Integer> bit, List<String> names) {
        Integer b = bit.get(tag);
        if (b == null) {
            if (names.size() == 64) {
                throw new IllegalArgumentException("more than 64 distinct procedure tags in one rule");
            }
            b = names.size();
            bit.put(tag, b);
            names.add(tag);
        }
        return b;
    }

    /** Union of the tags of the given procedures. */
    long tagsOf(int[] caseProcs) {
        long mask = 0;
        for (int id : caseProcs) {
            int i = id < 0 ? -1 : Arrays.binarySearch(procs, id);
            if (i >= 0) {
                mask |= tags[i];
            }
        }
        return mask;
    }

    boolean holds(long tags) {
        for (long g : groups) {
            if ((tags & g) == g) {
                return true;
            }
        }
        return false;
    }

    String describe(long tags) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < tagNames.size(); i++) {
            if ((tags & (1L << i)) != 0) {
                sb.append(sb.length() == 0 ? "" : ",").append(tagNames.get(i));
            }
        }
        return "{" + sb + "}";
    }

    @Override
    public String toString() {
        return text + " " + Arrays.toString(groups);
    }
}
