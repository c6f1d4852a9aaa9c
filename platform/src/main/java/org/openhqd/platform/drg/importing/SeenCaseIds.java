package org.openhqd.platform.drg.importing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The case ids of a file seen so far, per institution, with the line each was first seen on — to
 * reject a later row with the same case id. Compact because a file has a million rows: open
 * addressing over primitive arrays and the ids' UTF-8 bytes in one growing array (about 40 bytes
 * per case id instead of ~150 for a {@code HashMap<String, Long>}). Exact: a hash match is
 * confirmed against the stored bytes.
 */
final class SeenCaseIds {

    private int[] slots = new int[1 << 12];       // entry index + 1; 0 = free
    private long[] institution = new long[1 << 11];
    private long[] lines = new long[1 << 11];
    private int[] hashes = new int[1 << 11];
    private int[] offsets = new int[(1 << 11) + 1];
    private byte[] bytes = new byte[1 << 15];
    private int size;

    /** Records the case id at {@code line}; returns the earlier line if it was seen before, else -1. */
    long putIfAbsent(long institutionId, String caseId, long line) {
        byte[] key = caseId.getBytes(StandardCharsets.UTF_8);
        int h = hash(institutionId, key);
        int mask = slots.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            int e = slots[i] - 1;
            if (e < 0) {
                add(i, institutionId, key, h, line);
                return -1;
            }
            if (hashes[e] == h && institution[e] == institutionId && sameBytes(e, key)) {
                return lines[e];
            }
        }
    }

    int size() {
        return size;
    }

    private boolean sameBytes(int e, byte[] key) {
        int from = offsets[e];
        int to = offsets[e + 1];
        return Arrays.equals(bytes, from, to, key, 0, key.length);
    }

    private void add(int slot, long institutionId, byte[] key, int h, long line) {
        if (size == lines.length) {
            int n = lines.length * 2;
            institution = Arrays.copyOf(institution, n);
            lines = Arrays.copyOf(lines, n);
            hashes = Arrays.copyOf(hashes, n);
            offsets = Arrays.copyOf(offsets, n + 1);
        }
        int from = offsets[size];
        if (from + key.length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, from + key.length));
        }
        System.arraycopy(key, 0, bytes, from, key.length);
        offsets[size + 1] = from + key.length;
        institution[size] = institutionId;
        lines[size] = line;
        hashes[size] = h;
        slots[slot] = size + 1;
        size++;
        if (size * 2 > slots.length) {
            rehash();
        }
    }

    private void rehash() {
        int[] bigger = new int[slots.length * 2];
        int mask = bigger.length - 1;
        for (int e = 0; e < size; e++) {
            int i = hashes[e] & mask;
            while (bigger[i] != 0) {
                i = (i + 1) & mask;
            }
            bigger[i] = e + 1;
        }
        slots = bigger;
    }

    private static int hash(long institutionId, byte[] key) {
        int h = Long.hashCode(institutionId * 0x9E3779B97F4A7C15L);
        for (byte b : key) {
            h = 31 * h + b;
        }
        return h ^ (h >>> 16) ^ (h >>> 7);
    }
}
