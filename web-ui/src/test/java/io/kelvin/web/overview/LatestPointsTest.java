package io.kelvin.web.overview;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.kpi.SiteKpis;
import io.kelvin.core.telemetry.LatestValues;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Quality;
import io.kelvin.core.telemetry.Sample;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatestPointsTest {

    private static final Instant T = Instant.parse("2025-06-01T04:00:00Z");

    @Test
    void snapshotIsSortedByPointAndCarriesProfileAndSiteUnits() {
        LatestValues latest = new LatestValues();
        latest.acceptAll(List.of(
                Sample.good(SiteKpis.PUE, 1.18, T),
                Sample.good(PointId.of("cdu-02", "flow_lpm"), 1450, T),
                Sample.good(PointId.of("cdu-01", "supply_temp_c"), 32.5, T)));

        LatestPoints.Snapshot snapshot = new LatestPoints(DemoSite.SITE, latest).snapshot();

        assertThat(snapshot.count()).isEqualTo(3);
        assertThat(snapshot.points()).extracting(LatestPoints.Point::point)
                .containsExactly("cdu-01.supply_temp_c", "cdu-02.flow_lpm", "site.pue");
        // Units from acme-cdu-800.yaml, and SiteKpis.UNITS for the derived PUE.
        assertThat(snapshot.points()).extracting(LatestPoints.Point::unit).containsExactly("degC", "l/min", "1");
        assertThat(snapshot.points().getFirst().sourceTime()).isEqualTo("2025-06-01T04:00:00Z");
        assertThat(snapshot.points().getFirst().quality()).isEqualTo("GOOD");
    }

    @Test
    void valueThatIsNotANumberIsPublishedAsNullWithItsQuality() {
        LatestValues latest = new LatestValues();
        PointId point = PointId.of("cdu-01", "supply_temp_c");
        latest.accept(new Sample(point, Double.NaN, Quality.COMM_FAILED, T, T));

        LatestPoints.Point published = new LatestPoints(DemoSite.SITE, latest).snapshot().points().getFirst();

        assertThat(published.value()).isNull();
        assertThat(published.quality()).isEqualTo("COMM_FAILED");
    }

    @Test
    void pointOfAnUnknownDeviceHasAnEmptyUnitRatherThanAGuess() {
        assertThat(new PointUnits(DemoSite.SITE).unitOf(PointId.of("nope-99", "x"))).isEmpty();
    }
}
