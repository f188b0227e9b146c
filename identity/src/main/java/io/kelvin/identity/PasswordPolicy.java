package io.kelvin.identity;

import java.nio.charset.StandardCharsets;

/**
 * What a new password must be: 12 to 72 bytes (bcrypt reads no more than 72) and not the user name.
 * Length over composition rules, as NIST SP 800-63B section 5.1.1.2 advises.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    /** IllegalArgumentException naming {@code field} when the password is not acceptable. */
    public static void check(String username, String password, String field) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new IllegalArgumentException(field + ": must have at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException(field + ": must have at most " + MAX_BYTES + " bytes (UTF-8)");
        }
        if (password.equalsIgnoreCase(username)) {
            throw new IllegalArgumentException(field + ": must not be the user name");
        }
    }
}
