package io.kelvin.greenpower.feed;

import io.kelvin.core.forecast.ForecastRequest;
import io.kelvin.core.forecast.Provenance;
import io.kelvin.core.forecast.SlotBasis;
import io.kelvin.core.forecast.SlotSeries;
import io.kelvin.core.series.TimeSeries;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A feed's series on the request's slots. A slot the series covers is {@link SlotBasis#FEED}, or
 * {@link SlotBasis#STALE_FEED} when the feed is past its staleness limit. A slot it does not cover takes the same
 * local time of the last good day: the latest day (midnight to midnight in the site's zone, within
 * {@link #LOOKBACK_DAYS} days before the slot) that the series covers in full at the request's slot length
 * ({@link SlotBasis#LAST_GOOD_DAY}); without one, the slot is {@link SlotBasis#MISSING}. Never a constant.
 */
public final class FeedSlots {

    static final int LOOKBACK_DAYS = 8;

    private FeedSlots() {
    }

    public static SlotSeries of(TimeSeries series, ForecastRequest request, ZoneId zone, Provenance provenance) {
        int n = request.slots();
        double[] direct = series.slotMeans(request.start(), request.slotLength(), n);
        boolean stale = provenance.freshness().isFallback();
        double[] values = new double[n];
        SlotBasis[] basis = new SlotBasis[n];
        Optional<LocalDate> goodDay = Optional.empty();
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(direct[i])) {
                values[i] = direct[i];
                basis[i] = stale ? SlotBasis.STALE_FEED : SlotBasis.FEED;
                continue;
            }
            Instant start = request.slotStart(i);
            if (goodDay.isEmpty()) {
                goodDay = lastGoodDay(series, request, zone, start);
            }
            double v = goodDay.map(d -> sameTimeOn(series, request, zone, start, d)).orElse(Double.NaN);
            values[i] = v;
            basis[i] = Double.isNaN(v) ? SlotBasis.MISSING : SlotBasis.LAST_GOOD_DAY;
        }
        return new SlotSeries(values, basis, provenance);
    }

    /** The latest whole local day, ending at or before {@code before}'s day, that the series covers in full. */
    static Optional<LocalDate> lastGoodDay(TimeSeries series, ForecastRequest request, ZoneId zone, Instant before) {
        LocalDate day = before.atZone(zone).toLocalDate();
        for (int back = 0; back <= LOOKBACK_DAYS; back++, day = day.minusDays(1)) {
            ZonedDateTime a = day.atStartOfDay(zone);
            ZonedDateTime b = day.plusDays(1).atStartOfDay(zone);
            if (b.toInstant().isAfter(before)) {
                continue;
            }
            int slots = (int) (java.time.Duration.between(a, b).toMillis() / request.slotLength().toMillis());
            double[] means = series.slotMeans(a.toInstant(), request.slotLength(), slots);
            boolean full = slots > 0;
            for (double m : means) {
                full &= !Double.isNaN(m);
            }
            if (full) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }

    private static double sameTimeOn(TimeSeries series, ForecastRequest request, ZoneId zone, Instant slot, LocalDate day) {
        Instant then = ZonedDateTime.of(day, slot.atZone(zone).toLocalTime(), zone).toInstant();
        return series.slotMeans(then, request.slotLength(), 1)[0];
    }
}
