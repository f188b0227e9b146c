package io.kelvin.identity;

import java.security.SecureRandom;
import java.util.Base64;

/** Random one-time passwords and client secrets from a {@link SecureRandom}. */
public final class Secrets {

    /** No 0/O, 1/l/I: one-time passwords are read off a terminal and typed. */
    private static final String READABLE = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    /** 20 characters of 56: about 116 bits. */
    static final int PASSWORD_LENGTH = 20;
    /** 32 random bytes, base64url without padding (43 characters). */
    static final int SECRET_BYTES = 32;

    private Secrets() {
    }

    public static String password(SecureRandom random) {
        StringBuilder out = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            out.append(READABLE.charAt(random.nextInt(READABLE.length())));
        }
        return out.toString();
    }

    public static String clientSecret(SecureRandom random) {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
