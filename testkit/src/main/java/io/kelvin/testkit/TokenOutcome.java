package io.kelvin.testkit;

import java.time.Duration;
import java.util.Optional;

/**
 * What a token endpoint answered to a grant (RFC 6749 sections 5.1 and 5.2): tokens, or a refusal
 * with the status and the OAuth error code.
 */
public sealed interface TokenOutcome {

    /** The tokens when the grant was issued; otherwise fails naming the refusal. */
    default Issued issued() {
        return switch (this) {
            case Issued issued -> issued;
            case Refused refused -> throw new IllegalStateException("token request refused: " + refused);
        };
    }

    /**
     * An issued grant. {@code expiresIn} is the access token's lifetime from the response; the ID
     * and refresh tokens are absent where the grant gives none (client credentials).
     */
    record Issued(String accessToken, Optional<String> idToken, Optional<String> refreshToken,
            Duration expiresIn, String scope) implements TokenOutcome {

        public Jwt access() {
            return Jwt.decode(accessToken);
        }

        public Optional<Jwt> id() {
            return idToken.map(Jwt::decode);
        }
    }

    /** A refusal: HTTP status (400 or 401), {@code error} and {@code error_description} ("" when absent). */
    record Refused(int status, String error, String description) implements TokenOutcome {
    }
}
