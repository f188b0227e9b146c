package io.kelvin.web.overview;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.kpi.SiteKpis;
import io.kelvin.core.telemetry.Aggregate;
import io.kelvin.core.telemetry.LatestValues;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Sample;
import io.kelvin.core.telemetry.StepMean;
import io.kelvin.core.telemetry.TelemetryStore;
import io.kelvin.core.telemetry.TimeValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SiteOverviewTest {

    private static final Instant NOW = Instant.parse("2025-06-01T04:00:00Z");

    private final LatestValues latest = new LatestValues();

    @Test
    void everyCduOfTheSiteGetsARowInSiteOrderEvenBeforeItsFirstSample() {
        latest.accept(Sample.good(PointId.of("cdu-03", "supply_temp_c"), 31.24, NOW));

        List<CduRow> rows = overview(new EmptyStore()).cdus();

        // demo-aidc.yaml lists cdu-01 .. cdu-12.
        assertThat(rows).extracting(CduRow::deviceId).hasSize(12).startsWith("cdu-01", "cdu-02").endsWith("cdu-12");
        assertThat(rows.get(2).supplyTemp().withUnit()).isEqualTo("31.2 °C");
        assertThat(rows.get(0).supplyTemp().missing()).isTrue();
    }

    @Test
    void pueTileShowsTheDerivedPointToThreeDecimals() {
        latest.accept(Sample.good(SiteKpis.PUE, 1.18349, NOW));

        Reading pue = overview(new EmptyStore()).kpi(kpi("pue"));

        assertThat(pue.text()).isEqualTo("1.183");
        assertThat(pue.displayUnit()).isEmpty();
    }

    @Test
    void trendCoversTheLastHourInTenSecondStepsWithGapsAsNull() {
        // 3600 s / 10 s = 360 steps per line; the store has data only in the last two steps.
        TrendSeries trend = overview(new LastStepsStore(2, 5000.0)).trend(NOW);

        assertThat(trend.times()).hasSize(360);
        assertThat(trend.times().getFirst()).isEqualTo(NOW.minus(Duration.ofHours(1)));
        TrendSeries.Line facility = trend.lines().getFirst();
        assertThat(facility.key()).isEqualTo("facility_kw");
        assertThat(facility.values()).hasSize(360).startsWith(null, null).endsWith(5000.0, 5000.0);
        assertThat(trend.lines()).extracting(TrendSeries.Line::axis).containsExactly(0, 0, 0, 0, 1);
        // The chart labels times in the site's zone.
        assertThat(trend.zone()).isEqualTo(java.time.ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void lastUpdateIsShownInTheSiteTimeZone() {
        // Asia/Shanghai is UTC+8.
        assertThat(overview(new EmptyStore()).localTime(NOW)).startsWith("12:00:00");
    }

    private SiteOverview overview(TelemetryStore store) {
        return new SiteOverview(DemoSite.SITE, latest, store);
    }

    private static Kpi kpi(String key) {
        return Kpi.SITE_OVERVIEW.stream().filter(k -> k.key().equals(key)).findFirst().orElseThrow();
    }

    /** A store with no history: every step is a gap. */
    private static class EmptyStore implements TelemetryStore {

        @Override
        public void write(Collection<Sample> samples) {
        }

        @Override
        public Optional<Sample> latest(PointId point) {
            return Optional.empty();
        }

        @Override
        public List<TimeValue> range(PointId point, Instant from, Instant to, Duration step, Aggregate aggregate) {
            List<TimeValue> steps = new ArrayList<>();
            for (Instant t = from; t.isBefore(to); t = t.plus(step)) {
                steps.add(new TimeValue(t, value(t, to, step)));
            }
            return steps;
        }

        double value(Instant stepStart, Instant to, Duration step) {
            return Double.NaN;
        }

        @Override
        public List<StepMean> goodMeans(PointId point, Instant from, Instant to, Duration step) {
            return range(point, from, to, step, Aggregate.MEAN).stream()
                    .map(t -> t.isGap() ? StepMean.gap(t.time()) : new StepMean(t.time(), t.value(), step)).toList();
        }

        @Override
        public List<TimeValue> goodReadings(PointId point, Instant from, Instant to, Duration step) {
            return range(point, from, to, step, Aggregate.LAST);
        }

        @Override
        public void close() {
        }
    }

    /** Data only in the last {@code steps} steps of any range. */
    private static final class LastStepsStore extends EmptyStore {

        private final int steps;
        private final double value;

        LastStepsStore(int steps, double value) {
            this.steps = steps;
            this.value = value;
        }

        @Override
        double value(Instant stepStart, Instant to, Duration step) {
            return stepStart.isBefore(to.minus(step.multipliedBy(steps))) ? Double.NaN : value;
        }
    }
}
