package io.kelvin.simulator.modbus;

import java.util.Arrays;

/**
 * A dense block of 16-bit words (or bits, stored as 0/1) from {@code base} to {@code base + size - 1}.
 * {@code committed} holds the last values the twin published or accepted, so a refused wire write
 * can be rolled back. Callers synchronise.
 */
final class WordTable {

    private final int base;
    private final int[] words;
    private final int[] committed;

    WordTable(int base, int size) {
        this.base = base;
        this.words = new int[size];
        this.committed = new int[size];
    }

    static WordTable empty() {
        return new WordTable(0, 0);
    }

    boolean covers(int address, int count) {
        return count > 0 && address >= base && address + count <= base + words.length;
    }

    int end() {
        return base + words.length;
    }

    int get(int address) {
        return words[address - base];
    }

    int[] get(int address, int count) {
        return Arrays.copyOfRange(words, address - base, address - base + count);
    }

    /** Sets and commits words, as the twin publishes them. */
    void publish(int address, int[] values) {
        System.arraycopy(values, 0, words, address - base, values.length);
        System.arraycopy(values, 0, committed, address - base, values.length);
    }

    /** Sets a word from the wire, not yet committed. */
    void stage(int address, int value) {
        words[address - base] = value & 0xFFFF;
    }

    void commit(int address, int count) {
        System.arraycopy(words, address - base, committed, address - base, count);
    }

    void rollback(int address, int count) {
        System.arraycopy(committed, address - base, words, address - base, count);
    }
}
