package io.kelvin.identity.token;

/** A bearer token that is malformed, not signed by Kelvin's key, expired, or for another issuer or audience. */
public final class InvalidTokenException extends RuntimeException {

    public InvalidTokenException(String message) {
        super(message);
    }
}
