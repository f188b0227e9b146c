package io.kelvin.reports.kpi;

import io.kelvin.core.site.GridConnection.CarbonMethod;
import io.kelvin.core.site.GridConnection.Series;
import io.kelvin.core.site.MeterRole;
import io.kelvin.core.site.Site;
import io.kelvin.reports.metering.MeterAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Grid emissions over a span by one method (GHG Protocol Scope 2, as ISO/IEC 30134-8 asks): the
 * span is cut where the site's factor series changes factor, and
 * {@code kg = sum over pieces of max(0, E_grid(piece) - E_cert(piece)) x EF(piece)}, where
 * {@code E_cert} (contracted renewable energy with certificates, spread evenly over each contract) is
 * subtracted for the market-based method only. A piece the series does not cover takes the
 * method's constant factor; without one the emissions are missing.
 */
final class Emissions {

    /** Emissions in kg CO2e, or why they cannot be given. */
    sealed interface Result permits Kg, Missing {
    }

    record Kg(double kg) implements Result {
    }

    record Missing(String reason) implements Result {
    }

    /** One stretch of time with one factor. */
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
        Optional<List<Piece>> pieces = pieces(method, from, to);
        if (pieces.isEmpty()) {
            String field = method.name().toLowerCase(Locale.ROOT) + "KgPerKwh";
            return new Missing(series(method).isPresent()
                    ? "the " + method.name().toLowerCase(Locale.ROOT) + " series does not cover the span and no grid.carbon."
                            + field + " is given"
                    : "no grid.carbon." + field + " in the site file");
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

    /** The span cut by the series' factors, the rest at the constant; empty when some of it has no factor. */
    private Optional<List<Piece>> pieces(CarbonMethod method, Instant from, Instant to) {
        OptionalDouble constant = constant(method);
        List<Piece> pieces = new ArrayList<>();
        Instant cursor = from;
        for (Piece piece : series(method).map(Emissions::seriesPieces).orElse(List.of())) {
            Instant start = piece.from().isAfter(cursor) ? piece.from() : cursor;
            Instant end = piece.to().isBefore(to) ? piece.to() : to;
            if (!end.isAfter(start)) {
                continue;
            }
            if (start.isAfter(cursor)) {
                if (constant.isEmpty()) {
                    return Optional.empty();
                }
                pieces.add(new Piece(cursor, start, constant.getAsDouble()));
            }
            pieces.add(new Piece(start, end, piece.kgPerKwh()));
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

    /** Each factor holds until the next one; the last for as long as the one before it (an hour if alone). */
    private static List<Piece> seriesPieces(Series series) {
        List<Series.Factor> factors = series.factors();
        List<Piece> pieces = new ArrayList<>();
        for (int i = 0; i < factors.size(); i++) {
            Instant start = factors.get(i).from();
            Instant end = i + 1 < factors.size() ? factors.get(i + 1).from()
                    : start.plus(i > 0 ? Duration.between(factors.get(i - 1).from(), start) : Duration.ofHours(1));
            pieces.add(new Piece(start, end, factors.get(i).kgPerKwh()));
        }
        return pieces;
    }

    private double gridKwh(Instant from, Instant to) {
        double kwh = 0;
        for (MeterAccount account : grid) {
            double amount = account.over(from, to).amount();
            kwh += account.meter().role() == MeterRole.GRID_IMPORT ? amount : -amount;
        }
        return kwh;
    }

    private Optional<Series> series(CarbonMethod method) {
        return site.grid().carbon().flatMap(c -> c.series()).filter(s -> s.method() == method);
    }

    private OptionalDouble constant(CarbonMethod method) {
        return site.grid().carbon().map(c -> method == CarbonMethod.LOCATION ? c.locationKgPerKwh() : c.marketKgPerKwh())
                .orElse(OptionalDouble.empty());
    }
}
