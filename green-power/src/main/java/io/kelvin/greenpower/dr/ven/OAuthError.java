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

    /**
     * The messages of a validation list some servers add to a problem (Prism's {@code validation}), as
     * " (message; message)", else "".
     */
    static String validation(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null && node.path("validation").isArray() && !node.get("validation").isEmpty()) {
                StringBuilder text = new StringBuilder(" (");
                node.get("validation").forEach(v -> text.append(text.length() > 2 ? "; " : "").append(v.path("message").asText()));
                return text.append(')').toString();
            }
        } catch (JsonProcessingException e) {
            return "";
        }
        return "";
    }

    /** The messages of an {@code sl-violations} header (a JSON array), as " [message; message]". */
    static String violations(String header) {
        try {
            JsonNode node = JSON.readTree(header);
            if (node != null && node.isArray() && !node.isEmpty()) {
                StringBuilder text = new StringBuilder(" [");
                node.forEach(v -> text.append(text.length() > 2 ? "; " : "").append(v.path("message").asText()));
                return text.append(']').toString();
            }
        } catch (JsonProcessingException e) {
            return "";
        }
        return "";
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
