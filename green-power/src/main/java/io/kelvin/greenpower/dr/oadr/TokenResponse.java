package io.kelvin.greenpower.dr.oadr;

import java.util.Optional;

/**
 * OpenADR 3.1 {@code clientCredentialResponse} (RFC 6749 section 5.1): the bearer token, its lifetime
 * in seconds when the server says, and the granted scope.
 */
public record TokenResponse(String accessToken, String tokenType, Optional<Long> expiresInSeconds, Optional<String> scope) {
}
