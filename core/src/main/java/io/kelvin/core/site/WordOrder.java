package io.kelvin.core.site;

/**
 * Byte order of a multi-register value, named by where the bytes of the big-endian value A B C D
 * land on the wire. ABCD: big-endian (Modbus default). CDAB: words swapped, bytes big-endian
 * (common on PLCs and meters). BADC: bytes swapped inside each word. DCBA: little-endian.
 * For 64-bit values the same rule applies to four words. For 16-bit values only the byte swap
 * (BADC, DCBA) matters.
 */
public enum WordOrder {
    ABCD,
    CDAB,
    BADC,
    DCBA;

    /** Whether the order of 16-bit words is reversed on the wire. */
    public boolean wordsSwapped() {
        return this == CDAB || this == DCBA;
    }

    /** Whether the two bytes inside each 16-bit word are swapped on the wire. */
    public boolean bytesSwapped() {
        return this == BADC || this == DCBA;
    }
}
