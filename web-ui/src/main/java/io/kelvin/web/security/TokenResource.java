package io.kelvin.web.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kelvin.identity.token.ClientCredentialsGrant;
import io.kelvin.identity.token.TokenOutcome;
import io.kelvin.identity.token.TokenRequest;
import io.kelvin.web.metrics.SecurityMetrics;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The OAuth2 token endpoint (RFC 6749 section 4.4, client credentials): form-encoded, client
 * authentication by HTTP Basic (section 2.3.1: id and secret form-urlencoded, then Basic) or by
 * {@code client_id}/{@code client_secret} in the body. Answers 200 with {@code access_token},
 * {@code token_type} Bearer, {@code expires_in} and {@code scope}, or a section 5.2 error; never cached.
 */
@Path("/oauth/token")
@PermitAll
public class TokenResource {

    private final ClientCredentialsGrant grant;
    private final Caller caller;
    private final SecurityMetrics metrics;

    TokenResource(ClientCredentialsGrant grant, Caller caller, SecurityMetrics metrics) {
        this.grant = grant;
        this.caller = caller;
        this.metrics = metrics;
    }

    /** RFC 6749 section 5.1 success body. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TokenBody(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
                            @JsonProperty("expires_in") long expiresIn, String scope) {
    }

    /** RFC 6749 section 5.2 error body. */
    public record ErrorBody(String error, @JsonProperty("error_description") String errorDescription) {
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@HeaderParam("Authorization") String authorization, @FormParam("grant_type") String grantType,
                          @FormParam("scope") String scope, @FormParam("client_id") String clientId,
                          @FormParam("client_secret") String clientSecret) {
        Optional<String[]> basic = basic(authorization);
        if (authorization != null && basic.isEmpty() && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return answer(Response.status(400).entity(new ErrorBody("invalid_request", "Authorization: malformed Basic"
                    + " credentials")));
        }
        TokenRequest request = new TokenRequest(blankless(grantType), blankless(scope),
                basic.map(b -> b[0]), basic.map(b -> b[1]), blankless(clientId), blankless(clientSecret), caller.address());
        TokenOutcome outcome = grant.handle(request);
        return switch (outcome) {
            case TokenOutcome.Granted granted -> {
                metrics.tokenIssued();
                yield answer(Response.ok(new TokenBody(granted.token().token(), "Bearer",
                        granted.token().expiresInSeconds(), String.join(" ", granted.token().scopes()))));
            }
            case TokenOutcome.Refused refused -> {
                metrics.tokenRefused();
                Response.ResponseBuilder builder = Response.status(refused.status())
                        .entity(new ErrorBody(refused.error(), refused.description()));
                if (refused.challengeBasic()) {
                    builder.header("WWW-Authenticate", "Basic realm=\"kelvin\"");
                }
                yield answer(builder);
            }
        };
    }

    /** Section 5.1: the answer must not be cached. */
    private static Response answer(Response.ResponseBuilder builder) {
        return builder.type(MediaType.APPLICATION_JSON).header("Cache-Control", "no-store").header("Pragma", "no-cache")
                .build();
    }

    /** Client id and secret from {@code Authorization: Basic}, each form-urldecoded (RFC 6749 section 2.3.1). */
    static Optional<String[]> basic(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 1) {
                return Optional.empty();
            }
            return Optional.of(new String[] {
                URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)});
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static Optional<String> blankless(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
