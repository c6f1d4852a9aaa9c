package org.openhqd.casemix.drg;

import java.util.BitSet;

/**
 * An immutable set of interned code ids (a bit set). Membership is one array read, which is
 * what lets the grouper test a case against hundreds of lists without hashing the code again.
 */
final class CodeSet {

    static final CodeSet EMPTY = new CodeSet(new long[0], 0);

    private final long[] words;
    private final int size;

    private CodeSet(long[] words, int size) {
        this.words = words;
        this.size = size;
    }

    static CodeSet of(BitSet bits) {
        return bits.isEmpty() ? EMPTY : new CodeSet(bits.toLongArray(), bits.cardinality());
    }

    boolean contains(int id) {
        int word = id >>> 6;
        // a negative id (code unknown to the scheme) has word >= 2^25 and falls out of range
        return word < words.length && (words[word] & (1L << id)) != 0;
    }

    /** Number of distinct codes in the set. */
    int size() {
        return size;
    }

    /** The ids in the set, ascending. */
    int[] ids() {
        return BitSet.valueOf(words).stream().toArray();
    }
}
