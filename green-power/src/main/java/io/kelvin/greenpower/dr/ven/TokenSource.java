package io.kelvin.greenpower.dr.ven;

import io.kelvin.greenpower.dr.oadr.OadrFormatException;
import io.kelvin.greenpower.dr.oadr.OadrReader;
import io.kelvin.greenpower.dr.oadr.TokenResponse;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * OAuth2 client credentials (RFC 6749 section 4.4) against the VTN's token endpoint, found through
 * {@code GET /auth/server} (OpenADR 3.1 Definition, "Token endpoint discovery") unless configured. The
 * token is cached and fetched again {@link #REFRESH_BEFORE} before it expires (a token without
 * {@code expires_in} is kept until the VTN refuses it) and after a 401 ({@link #invalidate()}). The
 * secret is asked of {@code secret} at each fetch, so a rotated secret is picked up. Not thread-safe:
 * the VEN client's loop owns it.
 */
public final class TokenSource {

    /** How long before expiry a token is replaced, so a request never leaves with a dying token. */
    public static final Duration REFRESH_BEFORE = Duration.ofSeconds(30);

    private final VtnHttp http;
    private final Optional<URI> configuredTokenUrl;
    private final String clientId;
    private final Supplier<String> secret;
    private final InstantSource clock;
    private Optional<URI> tokenUrl = Optional.empty();
    private Optional<String> token = Optional.empty();
    private Optional<Instant> renewAt = Optional.empty();
    private int fetched;

    public TokenSource(VtnHttp http, Optional<URI> tokenUrl, String clientId, Supplier<String> secret, InstantSource clock) {
        this.http = http;
        this.configuredTokenUrl = tokenUrl;
        this.clientId = clientId;
        this.secret = secret;
        this.clock = clock;
    }

    /** A valid bearer token, fetched when there is none or it is about to expire. */
    public String token() {
        Instant now = clock.instant();
        if (token.isPresent() && renewAt.map(now::isBefore).orElse(true)) {
            return token.get();
        }
        URI url = tokenEndpoint();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", secret.get());
        VtnHttp.Answer answer;
        try {
            answer = http.postForm(url, form);
        } catch (VtnException e) {
            // A refused secret must not be retried as if the token had merely expired.
            throw new VtnException(e.status(), "token: " + e.getMessage());
        }
        TokenResponse response = read(answer.body());
        token = Optional.of(response.accessToken());
        renewAt = response.expiresInSeconds().map(s -> now.plusSeconds(s).minus(REFRESH_BEFORE));
        fetched++;
        return token.get();
    }

    /** The token endpoint: configured, else found through {@code GET /auth/server} (once). */
    public URI tokenEndpoint() {
        URI url = tokenUrl.or(() -> configuredTokenUrl).orElseGet(this::discover);
        tokenUrl = Optional.of(url);
        return url;
    }

    /** Forgets the token (the VTN answered 401); the next {@link #token()} fetches a new one. */
    public void invalidate() {
        token = Optional.empty();
        renewAt = Optional.empty();
    }

    /** The token endpoint in use, once known. */
    public Optional<URI> tokenUrl() {
        return tokenUrl;
    }

    /** How many tokens were fetched so far (for the status and tests). */
    public int fetched() {
        return fetched;
    }

    private URI discover() {
        VtnHttp.Answer answer = http.get("auth/server", Map.of(), Optional.empty());
        try {
            return OadrReader.tokenUrl(answer.body(), http.base());
        } catch (OadrFormatException e) {
            throw new VtnException(answer.status(), "GET /auth/server: " + String.join("; ", e.problems()));
        }
    }

    private static TokenResponse read(String body) {
        try {
            return OadrReader.token(body);
        } catch (OadrFormatException e) {
            throw new VtnException(200, "token: " + String.join("; ", List.copyOf(e.problems())));
        }
    }
}
