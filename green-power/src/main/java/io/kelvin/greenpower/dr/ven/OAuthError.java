package io.kelvin.greenpower.dr.ven;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/** An OAuth2 error body (RFC 6749 section 5.2, OpenADR {@code authError}) in the server's words. */
final class OAuthError {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OAuthError() {
    }

    static Optional<String> words(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null && node.path("error").isTextual()) {
                String error = node.get("error").asText();
                return Optional.of(node.path("error_description").isTextual()
                        ? error + ": " + node.get("error_description").asText() : error);
            }
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
