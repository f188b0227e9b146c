package io.kelvin.identity.token;

/** What the token endpoint answers: a token (200) or an RFC 6749 section 5.2 error. */
public sealed interface TokenOutcome {

    record Granted(AccessTokens.Issued token) implements TokenOutcome {
    }

    /**
     * {@code error} is the RFC 6749 code; {@code status} 401 for invalid_client, else 400; {@code challengeBasic}
     * when the client tried HTTP Basic, so the answer carries {@code WWW-Authenticate: Basic}.
     */
    record Refused(String error, String description, int status, boolean challengeBasic) implements TokenOutcome {
    }
}
