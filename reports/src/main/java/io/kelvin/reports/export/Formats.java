package io.kelvin.reports.export;

import io.kelvin.reports.kpi.Completeness;
import io.kelvin.reports.kpi.Figure;
import io.kelvin.reports.kpi.MeterCoverage;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/** How values are written in reports: local times, coverage in percent, figure status. */
final class Formats {

    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Formats() {
    }

    static String local(ZonedDateTime time) {
        return LOCAL.format(time);
    }

    /** Coverage 0..1 as a percentage with 2 decimals. */
    static Cell percent(double share) {
        return Cell.number(100 * share, 2);
    }

    static Cell hours(Duration duration) {
        return Cell.number(duration.toMillis() / 3_600_000.0, 2);
    }

    static String status(Figure figure) {
        return switch (figure) {
            case Figure.Value v -> v.completeness() == Completeness.COMPLETE ? "complete" : "below threshold";
            case Figure.Unavailable u -> "unavailable";
        };
    }

    static String meters(Figure figure) {
        return figure.coverage().stream().map(MeterCoverage::meterId).distinct().collect(Collectors.joining(" "));
    }

    /** The figure's value, or an empty text cell when it is unavailable. */
    static Cell value(Figure figure) {
        return figure instanceof Figure.Value v ? Cell.number(v.value(), figure.kpi().decimals()) : Cell.text("");
    }

    /** The lowest meter coverage behind a figure in percent, or empty when no meter is behind it (declared input). */
    static Cell coverage(Figure figure) {
        return figure.coverage().isEmpty() ? Cell.text("") : percent(figure.worstCoverage());
    }
}
