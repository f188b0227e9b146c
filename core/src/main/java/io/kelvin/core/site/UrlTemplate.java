package io.kelvin.core.site;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A feed URL whose dates are filled in at each fetch, for APIs that want a period in the URL (ENTSO-E
 * {@code periodStart}/{@code periodEnd}, the GB Carbon Intensity API's {@code /intensity/{from}/fw48h}). Placeholders,
 * all in UTC: {@code {now}} the fetch time, {@code {from}} the start of yesterday, {@code {to}} the start of the day
 * after tomorrow (so today and the day-ahead are covered, and yesterday for the last-good-day fallback). Each may
 * carry a {@link DateTimeFormatter} pattern: {@code {from:yyyyMMddHHmm}}; without one they are written
 * {@code 2026-12-07T00:00Z}. A URL without placeholders is used as it is.
 */
public record UrlTemplate(String text) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(now|from|to)(?::([^{}]+))?}");
    private static final DateTimeFormatter DEFAULT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'", Locale.ROOT);

    public UrlTemplate {
        Objects.requireNonNull(text, "text");
        problem(text).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
    }

    public static UrlTemplate of(URI url) {
        return new UrlTemplate(url.toString());
    }

    /** What is wrong with {@code text} as a template of an http(s) URL, if anything. */
    public static Optional<String> problem(String text) {
        try {
            URI sample = expand(text, Instant.parse("2026-01-01T00:00:00Z"));
            if (!("http".equals(sample.getScheme()) || "https".equals(sample.getScheme())) || sample.getHost() == null) {
                return Optional.of("'" + text + "' must be an http:// or https:// URL with a host");
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("'" + text + "' is not a URL template: " + e.getMessage()
                    + " (placeholders: {now}, {from}, {to}, each optionally with :PATTERN)");
        }
    }

    /** The URL for a fetch at {@code now}. */
    public URI expand(Instant now) {
        return expand(text, now);
    }

    /** Host and path, for naming the feed in messages and provenance. */
    public String hostAndPath() {
        URI u = expand(Instant.EPOCH);
        return u.getHost() + u.getPath();
    }

    private static URI expand(String text, Instant now) {
        Instant day = now.truncatedTo(ChronoUnit.DAYS);
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Instant t = switch (m.group(1)) {
                case "now" -> now;
                case "from" -> day.minus(Duration.ofDays(1));
                default -> day.plus(Duration.ofDays(2));
            };
            DateTimeFormatter f = m.group(2) == null ? DEFAULT : DateTimeFormatter.ofPattern(m.group(2), Locale.ROOT);
            m.appendReplacement(out, Matcher.quoteReplacement(f.format(t.atOffset(ZoneOffset.UTC))));
        }
        m.appendTail(out);
        return URI.create(out.toString());
    }

    @Override
    public String toString() {
        return text;
    }
}
