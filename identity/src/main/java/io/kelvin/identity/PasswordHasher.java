package io.kelvin.identity;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * bcrypt through Bouncy Castle's {@link OpenBSDBCrypt}: {@code $2b$} hashes with a 16-byte random salt
 * and a cost (log2 of the rounds; 12 by default, about 0.2-0.4 s on these machines, so guessing is slow).
 * bcrypt reads at most 72 bytes of a password; {@link PasswordPolicy} caps passwords at that.
 */
public final class PasswordHasher {

    public static final int DEFAULT_COST = 12;
    /** Modular crypt format of bcrypt: version, two-digit cost, 22 characters of salt and 31 of hash. */
    private static final java.util.regex.Pattern BCRYPT = java.util.regex.Pattern.compile(
            "\\$2[aby]\\$[0-3][0-9]\\$[./A-Za-z0-9]{53}");
    /** A hash of a random password, checked against when a user name is unknown so both take the same time. */
    private final String decoy;
    private final int cost;
    private final SecureRandom random;

    public PasswordHasher(int cost, SecureRandom random) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost: must be 4..31, was " + cost);
        }
        this.cost = cost;
        this.random = random;
        this.decoy = hash(Secrets.password(random));
    }

    public static PasswordHasher standard() {
        return new PasswordHasher(DEFAULT_COST, new SecureRandom());
    }

    public String hash(String password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return OpenBSDBCrypt.generate("2b", password.getBytes(StandardCharsets.UTF_8), salt, cost);
    }

    /** True when {@code password} matches {@code hash}; a malformed hash never matches. */
    public boolean matches(String password, String hash) {
        if (hash == null || !BCRYPT.matcher(hash).matches()) {
            return false;
        }
        return OpenBSDBCrypt.checkPassword(hash, password.getBytes(StandardCharsets.UTF_8));
    }

    /** Spends the time of one check without a real hash (unknown user), so timing does not tell which names exist. */
    public void burn(String password) {
        matches(password, decoy);
    }
}
