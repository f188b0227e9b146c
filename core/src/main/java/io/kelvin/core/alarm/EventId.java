package io.kelvin.core.alarm;

import java.util.HexFormat;
import java.util.Objects;

/**
 * The device's identifier of one event (OPC UA: the EventId ByteString, Part 5, 6.4.2), kept as lower
 * case hex so it compares and stores as a value. A device acknowledges the state an operator saw by
 * this id (Part 9, 5.7.3), so the newest one is kept with each alarm.
 */
public record EventId(String hex) {

    private static final HexFormat HEX = HexFormat.of();

    public EventId {
        Objects.requireNonNull(hex, "hex");
        if (hex.isEmpty() || hex.length() % 2 != 0 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("event id must be a non-empty even number of hex digits, was '" + hex + "'");
        }
        hex = hex.toLowerCase(java.util.Locale.ROOT);
    }

    public static EventId of(byte[] bytes) {
        return new EventId(HEX.formatHex(bytes));
    }

    public byte[] bytes() {
        return HEX.parseHex(hex);
    }

    @Override
    public String toString() {
        return hex;
    }
}
