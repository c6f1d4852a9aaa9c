package org.openhqd.casemix.drg;

/**
 * Code → dense id, the one hash lookup the grouper makes per code of a case. Open addressing;
 * each slot packs the string's hash and the id into one long, so a probe reads one array element
 * and touches the key string only when the hash matches — fewer cache misses than a
 * {@link java.util.HashMap} node chain, and no boxing.
 */
final class CodeIndex {

    /** hash in the high 32 bits, id + 1 in the low 32 bits; 0 = empty slot. */
    private final long[] slots;
    private final String[] keys;
    private final int mask;
    private final int shift;

    /** @param codes distinct codes; a code's id is its position */
    CodeIndex(String[] codes) {
        int capacity = Integer.highestOneBit(Math.max(4, codes.length * 2) - 1) << 1; // load factor <= 0.5
        slots = new long[capacity];
        keys = new String[capacity];
        mask = capacity - 1;
        shift = 32 - Integer.numberOfTrailingZeros(capacity);
        for (int id = 0; id < codes.length; id++) {
            String code = codes[id];
            int h = code.hashCode();
            int i = slot(h);
            while (slots[i] != 0) {
                if (keys[i].equals(code)) {
                    throw new IllegalArgumentException("duplicate code " + code);
                }
                i = (i + 1) & mask;
            }
            slots[i] = ((long) h << 32) | (id + 1L);
            keys[i] = code;
        }
    }

    /** The code's id, or {@link CodeTable#UNKNOWN}. */
    int get(String code) {
        int h = code.hashCode();
        int i = slot(h);
        while (true) {
            long s = slots[i];
            if (s == 0) {
                return CodeTable.UNKNOWN;
            }
            if ((int) (s >>> 32) == h) {
                String k = keys[i];
                if (k == code || k.equals(code)) {
                    return (int) s - 1;
                }
            }
            i = (i + 1) & mask;
        }
    }

    /** Fibonacci hashing: the top bits of the product depend on every bit of the hash. */
    private int slot(int h) {
        return (h * 0x9E3779B9) >>> shift;
    }
}
