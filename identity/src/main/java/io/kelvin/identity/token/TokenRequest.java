package io.kelvin.identity.token;

import java.util.Optional;

/**
 * A request to the token endpoint (RFC 6749 section 4.4.2) as received: the form's {@code grant_type}
 * and {@code scope}, the client credentials from HTTP Basic (section 2.3.1, already URL-decoded) and
 * from the body ({@code client_id}, {@code client_secret}), and the caller's address for the audit.
 */
public record TokenRequest(Optional<String> grantType, Optional<String> scope, Optional<String> basicClientId,
                           Optional<String> basicSecret, Optional<String> bodyClientId, Optional<String> bodySecret,
                           String address) {

    public boolean usedBasic() {
        return basicClientId.isPresent();
    }
}
