package io.kelvin.greenpower.dr.oadr;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ISO 8601 duration as OpenADR 3.1 writes it ({@code components/schemas/duration}): years, months,
 * days (weeks count as 7 days) and a time part, optionally negative. Years and months are calendar
 * amounts, added in UTC. "P9999Y" is the spec's infinity (User Guide 7.3).
 */
public record OadrDuration(boolean negative, long years, long months, long days, Duration time) {

    /** The schema's pattern, verbatim: anything it refuses is refused here. */
    public static final Pattern PATTERN = Pattern.compile(
            "^(-?)P(?=\\d|T\\d)(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)([DW]))?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+(?:\\.\\d+)?)S)?)?$");

    public static final OadrDuration ZERO = new OadrDuration(false, 0, 0, 0, Duration.ZERO);
    /** What Kelvin writes for "no end". */
    public static final OadrDuration INFINITY = new OadrDuration(false, 9999, 0, 0, Duration.ZERO);

    /** Parses {@code text}, or returns empty when it does not match the schema's pattern. */
    public static Optional<OadrDuration> parse(String text) {
        Matcher m = PATTERN.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            long days = number(m.group(4)) * ("W".equals(m.group(5)) ? 7 : 1);
            Duration time = Duration.ofHours(number(m.group(6))).plusMinutes(number(m.group(7)));
            if (m.group(8) != null) {
                BigDecimal seconds = new BigDecimal(m.group(8));
                time = time.plusSeconds(seconds.longValue())
                        .plusNanos(seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
            }
            return Optional.of(new OadrDuration(!m.group(1).isEmpty(), number(m.group(2)), number(m.group(3)), days, time));
        } catch (ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    /** Whether this is the spec's "infinity" (9999 years or more). */
    public boolean isInfinite() {
        return !negative && years >= 9999;
    }

    public boolean isZero() {
        return years == 0 && months == 0 && days == 0 && time.isZero();
    }

    /** {@code at} plus this duration (minus, when negative); Instant.MAX for infinity. */
    public Instant addTo(Instant at) {
        if (isInfinite()) {
            return Instant.MAX;
        }
        ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
        ZonedDateTime end = negative
                ? utc.minusYears(years).minusMonths(months).minusDays(days).minus(time)
                : utc.plusYears(years).plusMonths(months).plusDays(days).plus(time);
        return end.toInstant();
    }

    /** The absolute length of this duration when it starts at {@code at} (for randomizeStart bounds). */
    public Duration lengthFrom(Instant at) {
        OadrDuration positive = new OadrDuration(false, years, months, days, time);
        return Duration.between(at, positive.addTo(at));
    }

    /** The ISO 8601 text, in the schema's form (e.g. {@code PT1H}, {@code P9999Y}, {@code PT0S}). */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(negative ? "-P" : "P");
        if (years > 0) {
            text.append(years).append('Y');
        }
        if (months > 0) {
            text.append(months).append('M');
        }
        if (days > 0) {
            text.append(days).append('D');
        }
        if (!time.isZero() || text.length() <= 2) {
            text.append('T');
            long hours = time.toHours();
            int minutes = time.toMinutesPart();
            if (hours > 0) {
                text.append(hours).append('H');
            }
            if (minutes > 0) {
                text.append(minutes).append('M');
            }
            if (time.toSecondsPart() > 0 || time.toNanosPart() > 0 || (hours == 0 && minutes == 0)) {
                BigDecimal seconds = BigDecimal.valueOf(time.toSecondsPart())
                        .add(BigDecimal.valueOf(time.toNanosPart(), 9)).stripTrailingZeros();
                text.append(seconds.toPlainString()).append('S');
            }
        }
        return text.toString();
    }
}
