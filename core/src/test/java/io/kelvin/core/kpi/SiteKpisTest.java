package io.kelvin.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kelvin.core.site.Cluster;
import io.kelvin.core.site.DataType;
import io.kelvin.core.site.Device;
import io.kelvin.core.site.DeviceClass;
import io.kelvin.core.site.DeviceProfile;
import io.kelvin.core.site.Monitoring;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.site.PollClass;
import io.kelvin.core.site.Protocol;
import io.kelvin.core.site.Register;
import io.kelvin.core.site.RegisterType;
import io.kelvin.core.site.ValueRange;
import io.kelvin.core.site.WordOrder;
import io.kelvin.core.site.GridConnection;
import io.kelvin.core.site.Meter;
import io.kelvin.core.site.MeterRole;
import io.kelvin.core.site.PueCategory;
import io.kelvin.core.site.Site;
import io.kelvin.core.site.Reporting;
import io.kelvin.core.site.SiteInfo;
import io.kelvin.core.telemetry.Freshness;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Quality;
import io.kelvin.core.telemetry.Sample;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SiteKpisTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private static final Site SITE = new Site(new SiteInfo("t", "t", ZoneOffset.UTC, 0, 0),
            new GridConnection(10_000, true, Optional.empty(), Optional.empty()),
            List.of(meter("G", MeterRole.GRID_IMPORT, "meter-grid.p"),
                    meter("IT1", MeterRole.IT_LOAD, "hvdc-1.out"),
                    meter("IT2", MeterRole.IT_LOAD, "hvdc-2.out"),
                    meter("PV", MeterRole.PV, "pv-1.p"),
                    meter("W", MeterRole.WIND, "wt-1.p"),
                    meter("C", MeterRole.COOLING, "meter-cool.p")),
            List.of(), new Cluster(1, 0, 1), Path.of("."));

    private static Meter meter(String id, MeterRole role, String point) {
        return new Meter(id, role, role == MeterRole.IT_LOAD ? Optional.of(PueCategory.PUE1) : Optional.empty(),
                PointId.parse(point));
    }

    private static Map<PointId, Sample> readings(double grid, double it1, double it2, double pv, double wind) {
        Map<PointId, Sample> latest = new HashMap<>();
        latest.put(PointId.parse("meter-grid.p"), Sample.good(PointId.parse("meter-grid.p"), grid, NOW));
        latest.put(PointId.parse("hvdc-1.out"), Sample.good(PointId.parse("hvdc-1.out"), it1, NOW));
        latest.put(PointId.parse("hvdc-2.out"), Sample.good(PointId.parse("hvdc-2.out"), it2, NOW));
        latest.put(PointId.parse("pv-1.p"), Sample.good(PointId.parse("pv-1.p"), pv, NOW));
        latest.put(PointId.parse("wt-1.p"), Sample.good(PointId.parse("wt-1.p"), wind, NOW));
        latest.put(PointId.parse("meter-cool.p"), Sample.good(PointId.parse("meter-cool.p"), 700, NOW));
        return latest;
    }

    private static Map<PointId, Sample> byPoint(List<Sample> samples) {
        Map<PointId, Sample> map = new HashMap<>();
        samples.forEach(s -> map.put(s.point(), s));
        return map;
    }

    @Test
    void pueIsFacilityPowerIncludingOnSiteGenerationOverItPower() {
        // ISO/IEC 30134-2: E_DC counts all energy consumed, grid and on-site renewables alike.
        // facility = 8,000 grid + 1,500 PV + 500 wind = 10,000 kW; IT = 4,200 + 4,200 = 8,400 kW
        Map<PointId, Sample> kpis = byPoint(SiteKpis.derive(SITE, readings(8_000, 4_200, 4_200, 1_500, 500), NOW));

        assertThat(kpis.get(SiteKpis.FACILITY_KW).value()).isEqualTo(10_000);
        assertThat(kpis.get(SiteKpis.IT_KW).value()).isEqualTo(8_400);
        assertThat(kpis.get(SiteKpis.PUE).value()).isCloseTo(10_000 / 8_400.0, within(1e-12));
        assertThat(kpis.get(SiteKpis.COOLING_KW).value()).isEqualTo(700);
        assertThat(kpis.values()).allSatisfy(s -> assertThat(s.quality()).isEqualTo(Quality.GOOD));
    }

    @Test
    void exportingSiteHasNegativeGridImportAndStillAFacilityLoad() {
        Map<PointId, Sample> kpis = byPoint(SiteKpis.derive(SITE, readings(-1_000, 2_000, 2_000, 4_500, 1_000), NOW));
        assertThat(kpis.get(SiteKpis.GRID_IMPORT_KW).value()).isEqualTo(-1_000);
        assertThat(kpis.get(SiteKpis.FACILITY_KW).value()).isEqualTo(4_500);
    }

    @Test
    void aMissingMeterSuppressesTotalsThatNeedItInsteadOfUnderstatingThem() {
        Map<PointId, Sample> latest = readings(8_000, 4_200, 4_200, 1_500, 500);
        latest.remove(PointId.parse("hvdc-2.out"));
        Map<PointId, Sample> kpis = byPoint(SiteKpis.derive(SITE, latest, NOW));
        assertThat(kpis).doesNotContainKeys(SiteKpis.IT_KW, SiteKpis.PUE).containsKey(SiteKpis.FACILITY_KW);
    }

    @Test
    void aTotalOverAReadingTheDeviceFlaggedIsUncertain() {
        Map<PointId, Sample> latest = readings(8_000, 4_200, 4_200, 1_500, 500);
        latest.computeIfPresent(PointId.parse("pv-1.p"), (k, s) -> s.withQuality(Quality.OUT_OF_RANGE));
        Map<PointId, Sample> kpis = byPoint(SiteKpis.derive(SITE, latest, NOW));
        assertThat(kpis.get(SiteKpis.PUE).quality()).isEqualTo(Quality.UNCERTAIN);
        assertThat(kpis.get(SiteKpis.IT_KW).quality()).isEqualTo(Quality.GOOD);
    }

    @Test
    void aTotalOverAReadingNotRefreshedWithinThreePollIntervalsIsStaleButKeepsItsSum() {
        Map<PointId, Sample> latest = readings(8_000, 4_200, 4_200, 1_500, 500);
        // the PV meter (poll interval 1 s: the site does not describe it, so FAST) last answered 3.5 s ago
        latest.put(PointId.parse("pv-1.p"), Sample.good(PointId.parse("pv-1.p"), 1_500, NOW.minusMillis(3_500)));

        Map<PointId, Sample> kpis = byPoint(SiteKpis.derive(SITE, latest, NOW));

        assertThat(kpis.get(SiteKpis.PV_KW).quality()).isEqualTo(Quality.STALE);
        assertThat(kpis.get(SiteKpis.PV_KW).value()).isEqualTo(1_500);
        assertThat(kpis.get(SiteKpis.PV_KW).sourceTime()).isEqualTo(NOW);
        assertThat(kpis.get(SiteKpis.FACILITY_KW).quality()).isEqualTo(Quality.STALE);
        assertThat(kpis.get(SiteKpis.PUE).quality()).isEqualTo(Quality.STALE);
        assertThat(kpis.get(SiteKpis.IT_KW).quality()).isEqualTo(Quality.GOOD);
        // within the limit it is still fresh, and a larger multiple stretches the limit
        assertThat(byPoint(SiteKpis.derive(SITE, latest, NOW.minusMillis(600))).get(SiteKpis.PV_KW).quality())
                .isEqualTo(Quality.GOOD);
        assertThat(byPoint(SiteKpis.derive(SITE, latest, NOW, new Freshness(4))).get(SiteKpis.PV_KW).quality())
                .isEqualTo(Quality.GOOD);
    }

    @Test
    void theSiteFilesStaleMultipleSetsHowManyMissedRefreshesMakeATotalStale() {
        Map<PointId, Sample> latest = readings(8_000, 4_200, 4_200, 1_500, 500);
        latest.put(PointId.parse("pv-1.p"), Sample.good(PointId.parse("pv-1.p"), 1_500, NOW.minusMillis(3_500)));
        Reporting patient = new Reporting(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), java.util.OptionalDouble.empty(), java.util.OptionalDouble.empty(),
                java.util.OptionalDouble.empty(), java.util.OptionalDouble.empty(), 0.95, new Freshness(4));
        Site site = new Site(SITE.info(), SITE.grid(), SITE.meters(), List.of(), SITE.cluster(), Path.of("."),
                Optional.empty(), List.of(), io.kelvin.core.site.ForecastSettings.DEFAULT, patient, List.of());

        // 3.5 poll intervals old: STALE with the default 3, fresh when the site file allows 4
        assertThat(byPoint(SiteKpis.derive(SITE, latest, NOW)).get(SiteKpis.PV_KW).quality()).isEqualTo(Quality.STALE);
        assertThat(byPoint(SiteKpis.derive(site, latest, NOW)).get(SiteKpis.PV_KW).quality()).isEqualTo(Quality.GOOD);
    }

    @Test
    void aTotalOverAnInputThatFailedIsCommFailedWithoutAValueAndOutranksStale() {
        Map<PointId, Sample> latest = readings(8_000, 4_200, 4_200, 1_500, 500);
        latest.put(PointId.parse("pv-1.p"),
                new Sample(PointId.parse("pv-1.p"), Double.NaN, Quality.COMM_FAILED, NOW, NOW));
        latest.put(PointId.parse("wt-1.p"), Sample.good(PointId.parse("wt-1.p"), 500, NOW.minusSeconds(60)));
        latest.put(PointId.parse("hvdc-1.out"),
                new Sample(PointId.parse("hvdc-1.out"), Double.NaN, Quality.COMM_FAILED, NOW, NOW));

        Map<PointId, Sample> kpis = byPoint(SiteKpis.derive(SITE, latest, NOW));

        assertThat(kpis.get(SiteKpis.PV_KW).quality()).isEqualTo(Quality.COMM_FAILED);
        assertThat(kpis.get(SiteKpis.PV_KW).value()).isNaN();
        assertThat(kpis.get(SiteKpis.WIND_KW).quality()).isEqualTo(Quality.STALE);
        assertThat(kpis.get(SiteKpis.FACILITY_KW).quality()).isEqualTo(Quality.COMM_FAILED);
        assertThat(kpis.get(SiteKpis.FACILITY_KW).value()).isNaN();
        assertThat(kpis.get(SiteKpis.IT_KW).quality()).isEqualTo(Quality.COMM_FAILED);
        assertThat(kpis.get(SiteKpis.PUE).quality()).isEqualTo(Quality.COMM_FAILED);
        assertThat(kpis.get(SiteKpis.PUE).value()).isNaN();
    }

    @Test
    void aTotalOverAStaleInputIsStale() {
        Map<PointId, Sample> latest = readings(8_000, 4_200, 4_200, 1_500, 500);
        latest.computeIfPresent(PointId.parse("pv-1.p"), (k, s) -> s.withQuality(Quality.STALE));
        Map<PointId, Sample> kpis = byPoint(SiteKpis.derive(SITE, latest, NOW));
        assertThat(kpis.get(SiteKpis.PUE).quality()).isEqualTo(Quality.STALE);
        assertThat(kpis.get(SiteKpis.IT_KW).quality()).isEqualTo(Quality.GOOD);
    }

    @Test
    void staleMeansThreeMissedRefreshesOfThePointsOwnIntervalFromItsProfile() {
        // a Modbus meter polled NORMAL (10 s) and an OPC UA meter sampled every 60 s by the server
        PointDef modbusPower = new PointDef("p", "kW", "", Optional.of(new Register(RegisterType.HOLDING, 0,
                DataType.UINT16, WordOrder.ABCD, 1, 0, -1)), Optional.empty(), new ValueRange(0, 1e6), Optional.empty(),
                PollClass.NORMAL);
        PointDef opcuaPower = new PointDef("p", "kW", "", Optional.empty(), Optional.of("s=P"), new ValueRange(0, 1e6),
                Optional.empty(), PollClass.FAST,
                new Monitoring(Duration.ofSeconds(60), 1, Monitoring.Deadband.NONE));
        Device grid = new Device("grid", new DeviceProfile("m", "m", "m", DeviceClass.METER, Protocol.MODBUS,
                Optional.empty(), List.of(modbusPower)), Optional.empty(), Optional.of("127.0.0.1"), 502, 1, Optional.empty());
        Device it = new Device("it", new DeviceProfile("u", "u", "u", DeviceClass.HVDC, Protocol.OPCUA,
                Optional.of("urn:x"), List.of(opcuaPower)), Optional.of("opc.tcp://127.0.0.1:4840"), Optional.empty(), 0, 0,
                Optional.empty());
        Site site = new Site(new SiteInfo("t", "t", ZoneOffset.UTC, 0, 0),
                new GridConnection(10_000, true, Optional.empty(), Optional.empty()),
                List.of(meter("G", MeterRole.GRID_IMPORT, "grid.p"), meter("IT", MeterRole.IT_LOAD, "it.p")),
                List.of(grid, it), new Cluster(1, 0, 1), Path.of("."));

        Map<PointId, Sample> fresh = Map.of(
                PointId.parse("grid.p"), Sample.good(PointId.parse("grid.p"), 900, NOW.minusSeconds(29)),
                PointId.parse("it.p"), Sample.good(PointId.parse("it.p"), 600, NOW.minusSeconds(179)));
        assertThat(byPoint(SiteKpis.derive(site, fresh, NOW)).values()).extracting(Sample::quality)
                .containsOnly(Quality.GOOD);

        Map<PointId, Sample> old = Map.of(
                PointId.parse("grid.p"), Sample.good(PointId.parse("grid.p"), 900, NOW.minusSeconds(31)),
                PointId.parse("it.p"), Sample.good(PointId.parse("it.p"), 600, NOW.minusSeconds(181)));
        Map<PointId, Sample> kpis = byPoint(SiteKpis.derive(site, old, NOW));
        assertThat(kpis.get(SiteKpis.GRID_IMPORT_KW).quality()).isEqualTo(Quality.STALE);
        assertThat(kpis.get(SiteKpis.IT_KW).quality()).isEqualTo(Quality.STALE);
    }
}
