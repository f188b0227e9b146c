package io.kelvin.greenpower.dr.ven;

import io.kelvin.greenpower.dr.oadr.Notification;
import io.kelvin.greenpower.dr.oadr.OadrFormatException;
import io.kelvin.greenpower.dr.oadr.OadrReader;
import io.kelvin.greenpower.dr.oadr.OadrWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Kelvin's side of an OpenADR 3.1 webhook subscription, as plain methods the app's HTTP endpoint
 * calls. {@link #notify} checks the bearer token Kelvin gave the VTN in the subscription (constant-time
 * comparison), reads the notification against the schema and hands it on; {@link #challenge} answers
 * the VTN's callback check (Definition, "Webhooks": a GET with query parameter {@code echo}, answered
 * 200 with the value as the body). A malformed notification is refused with 400 naming the field and
 * changes nothing.
 */
public final class WebhookReceiver {

    /** What to answer the VTN: HTTP status, content type and body. */
    public record Answer(int status, String contentType, String body) {
    }

    private static final int MAX_ECHO = 1024;

    private final byte[] token;
    private final Consumer<Notification> sink;
    private final Consumer<String> refused;

    public WebhookReceiver(String bearerToken, Consumer<Notification> sink, Consumer<String> refused) {
        this.token = Objects.requireNonNull(bearerToken, "bearerToken").getBytes(StandardCharsets.UTF_8);
        this.sink = sink;
        this.refused = refused;
    }

    /** A notification POSTed to the callback URL. Header names are matched case-insensitively. */
    public Answer notify(Map<String, List<String>> headers, String body) {
        if (!authorized(headers)) {
            return problem(401, "Unauthorized", "the callback needs the bearer token given in the subscription");
        }
        Notification notification;
        try {
            notification = OadrReader.notification(body);
        } catch (OadrFormatException e) {
            refused.accept("webhook: " + e.getMessage());
            return problem(400, "Bad Request", e.getMessage());
        }
        sink.accept(notification);
        return new Answer(200, "application/json", "{}");
    }

    /** The VTN's check that the callback URL is ours: echo the challenge back. */
    public Answer challenge(String echo) {
        if (echo == null || echo.isEmpty() || echo.length() > MAX_ECHO) {
            return problem(400, "Bad Request", "echo: must be 1.." + MAX_ECHO + " characters");
        }
        return new Answer(200, "text/plain", echo);
    }

    private boolean authorized(Map<String, List<String>> headers) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey() != null && header.getKey().toLowerCase(Locale.ROOT).equals("authorization")) {
                for (String value : header.getValue()) {
                    if (value.regionMatches(true, 0, "Bearer ", 0, 7)
                            && MessageDigest.isEqual(token, value.substring(7).trim().getBytes(StandardCharsets.UTF_8))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static Answer problem(int status, String title, String detail) {
        String body = OadrWriter.text(OadrWriter.problem(status, title, detail));
        return new Answer(status, "application/problem+json", body);
    }
}
