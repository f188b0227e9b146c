package io.kelvin.identity;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * User names and client ids: 1-64 characters of lower-case letters, digits, '.', '_', '-', '@',
 * starting with a letter or digit. User names are lower-cased first, so "Alice" and "alice" are one user.
 */
public final class Names {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");

    private Names() {
    }

    /** The normalized user name; IllegalArgumentException naming {@code field} when it is not a valid one. */
    public static String username(String text, String field) {
        String name = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return checked(name, field);
    }

    /** Client ids are taken as written (RFC 6749 compares them exactly), but must have the same shape. */
    public static String clientId(String text, String field) {
        return checked(text == null ? "" : text.trim(), field);
    }

    private static String checked(String name, String field) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(field + ": must be 1-64 of a-z 0-9 . _ - @, starting with a letter or"
                    + " digit, was '" + shown(name) + "'");
        }
        return name;
    }

    private static String shown(String name) {
        return name.length() > 70 ? name.substring(0, 70) + "..." : name;
    }
}
