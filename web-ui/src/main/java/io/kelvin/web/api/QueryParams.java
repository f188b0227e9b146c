package io.kelvin.web.api;

/**
 * Numeric query parameters read as text, so that {@code minutes=abc} or {@code step=1.5} is a 400 naming
 * the parameter (JAX-RS would answer 404 for a parameter it cannot convert).
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** The whole number in {@code text}, or {@code fallback} when absent; IllegalArgumentException naming {@code name}. */
    public static long whole(String name, String text, long fallback) {
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": must be a whole number, was '" + shown(text) + "'");
        }
    }

    public static int wholeInt(String name, String text, int fallback) {
        long value = whole(name, text, fallback);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + ": out of range, was " + value);
        }
        return (int) value;
    }

    private static String shown(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
