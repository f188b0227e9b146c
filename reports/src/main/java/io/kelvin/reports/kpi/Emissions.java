package io.kelvin.reports.kpi;

import io.kelvin.core.series.TimeSeries;
import io.kelvin.core.site.Feed;
import io.kelvin.core.site.FeedKind;
import io.kelvin.core.site.GridConnection.CarbonMethod;
import io.kelvin.core.site.MeterRole;
import io.kelvin.core.site.Site;
import io.kelvin.reports.metering.MeterAccount;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Grid emissions over a span by one method (GHG Protocol Scope 2, as ISO/IEC 30134-8 asks): the
 * span is cut where the site's carbon feed of that method changes value, and
 * {@code kg = sum over pieces of max(0, E_grid(piece) - E_cert(piece)) x EF(piece)}, where
 * {@code E_cert} (contracted renewable energy with certificates, spread evenly over each contract) is
 * subtracted for the market-based method only. Only a feed read from a file is used, and only over
 * the intervals it really holds (no replay of sample days: an audit takes the factors that applied);
 * a piece it does not cover takes the method's constant from {@code grid.carbon}, and without one
 * the emissions are missing.
 */
final class Emissions {

    /** Emissions in kg CO2e, or why they cannot be given. */
    sealed interface Result permits Kg, Missing {
    }

    record Kg(double kg) implements Result {
    }

    record Missing(String reason) implements Result {
    }

    /** One stretch of time with one factor, kg CO2e/kWh. */
    private record Piece(Instant from, Instant to, double kgPerKwh) {
    }

    private final Site site;
    private final List<MeterAccount> grid;

    Emissions(Site site, List<MeterAccount> accounts) {
        this.site = site;
        this.grid = accounts.stream().filter(a -> a.meter().role() == MeterRole.GRID_IMPORT
                || a.meter().role() == MeterRole.GRID_EXPORT).toList();
    }

    Result over(CarbonMethod method, Instant from, Instant to) {
        String name = method.name().toLowerCase(Locale.ROOT);
        List<TimeSeries.Interval> series;
        try {
            series = feed(method);
        } catch (IOException | RuntimeException e) {
            return new Missing("the " + name + " carbon feed cannot be read: " + e.getMessage());
        }
        Optional<List<Piece>> pieces = pieces(series, constant(method), from, to);
        if (pieces.isEmpty()) {
            return new Missing(series.isEmpty() ? "no grid.carbon." + name + "KgPerKwh in the site file"
                    : "the " + name + " carbon feed does not cover the span and no grid.carbon." + name + "KgPerKwh is given");
        }
        double kg = 0;
        for (Piece piece : pieces.get()) {
            double kwh = gridKwh(piece.from(), piece.to());
            if (method == CarbonMethod.MARKET) {
                kwh -= ContractAllocation.kwh(site.renewables(), piece.from(), piece.to(), site.info().timezone());
            }
            kg += Math.max(0, kwh) * piece.kgPerKwh();
        }
        return new Kg(kg);
    }

    /** The intervals of the site's carbon feed of this method, when it is a file; none otherwise. */
    private List<TimeSeries.Interval> feed(CarbonMethod method) throws IOException {
        Optional<Feed> feed = site.feed(FeedKind.CARBON, Optional.of(method));
        if (feed.isEmpty() || !(feed.get().location() instanceof Feed.FileLocation file)) {
            return List.of();
        }
        return feed.get().format().read(Files.readAllBytes(file.path()), feed.get().id()).intervals();
    }

    /** The span cut by the feed's intervals (g/kWh to kg/kWh), the rest at the constant; empty when some of it has no factor. */
    private static Optional<List<Piece>> pieces(List<TimeSeries.Interval> series, OptionalDouble constant, Instant from,
            Instant to) {
        List<Piece> pieces = new ArrayList<>();
        Instant cursor = from;
        for (TimeSeries.Interval interval : series) {
            Instant start = interval.start().isAfter(cursor) ? interval.start() : cursor;
            Instant end = interval.end().isBefore(to) ? interval.end() : to;
            if (!end.isAfter(start)) {
                continue;
            }
            if (start.isAfter(cursor)) {
                if (constant.isEmpty()) {
                    return Optional.empty();
                }
                pieces.add(new Piece(cursor, start, constant.getAsDouble()));
            }
            pieces.add(new Piece(start, end, interval.value() / 1000));
            cursor = end;
        }
        if (cursor.isBefore(to)) {
            if (constant.isEmpty()) {
                return Optional.empty();
            }
            pieces.add(new Piece(cursor, to, constant.getAsDouble()));
        }
        return Optional.of(pieces);
    }

    private double gridKwh(Instant from, Instant to) {
        double kwh = 0;
        for (MeterAccount account : grid) {
            double amount = account.over(from, to).amount();
            kwh += account.meter().role() == MeterRole.GRID_IMPORT ? amount : -amount;
        }
        return kwh;
    }

    private OptionalDouble constant(CarbonMethod method) {
        return site.grid().carbon().map(c -> method == CarbonMethod.LOCATION ? c.locationKgPerKwh() : c.marketKgPerKwh())
                .orElse(OptionalDouble.empty());
    }
}
