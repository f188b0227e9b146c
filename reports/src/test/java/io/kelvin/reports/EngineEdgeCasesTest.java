package io.kelvin.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kelvin.collectors.store.rrd4j.RrdTelemetryStore;
import io.kelvin.core.site.Site;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Sample;
import io.kelvin.reports.kpi.Figure;
import io.kelvin.reports.kpi.Kpi;
import io.kelvin.reports.metering.MeteringMethod;
import io.kelvin.reports.period.PeriodKind;
import io.kelvin.reports.period.ReportPeriod;
import io.kelvin.reports.report.MeterLine;
import io.kelvin.reports.report.NoDataException;
import io.kelvin.reports.report.Report;
import io.kelvin.reports.report.ReportEngine;
import io.kelvin.reports.report.ReportSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hours of the reference site with one thing changed at a time, through a real rrd4j store. */
class EngineEdgeCasesTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Instant FROM = Instant.parse("2026-03-09T16:00:00Z");
    private static final ReportPeriod HOUR = new ReportPeriod(FROM.atZone(ZONE), FROM.plusSeconds(3600).atZone(ZONE),
            PeriodKind.CUSTOM);
    /** 23:30 to 00:30: its first half lies before the factor series starts. */
    private static final ReportPeriod HOUR_BEFORE = new ReportPeriod(FROM.minusSeconds(1800).atZone(ZONE),
            FROM.plusSeconds(1800).atZone(ZONE), PeriodKind.CUSTOM);

    @TempDir
    Path tmp;

    @Test
    void aPeriodWithoutDataIsRefusedNamingTheSiteAndThePeriod() {
        Site site = ReferenceData.site(tmp);
        try (RrdTelemetryStore store = RrdTelemetryStore.open(tmp.resolve("rrd"))) {
            assertThatThrownBy(() -> new ReportEngine(store).build(site, HOUR, ReportSettings.DEFAULTS, "rrd4j store"))
                    .isInstanceOf(NoDataException.class)
                    .hasMessage("no GOOD data from any of the 7 meters of site ref-site between 2026-03-10T00:00 and "
                            + "2026-03-10T01:00 (Asia/Shanghai) in the rrd4j store");
        }
    }

    @Test
    void aReverseRegisterIsSubtractedFromTheGridAndCountsAsExport() {
        Report report = hour(text -> text.replace("counter: { point: grid.energy_kwh }",
                "counter: { point: grid.energy_kwh, reversePoint: grid.export_kwh }")
                .replace("    replacements: [ { at: \"2026-03-02T03:00:00\", oldFinal: 55000, newFirst: 10 } ]\n", ""),
                store -> {
                    counter(store, PointId.of("grid", "energy_kwh"), s -> 1000.0 * s / 3600);
                    counter(store, PointId.of("grid", "export_kwh"), s -> 100.0 * s / 3600);
                    power(store, PointId.of("pv", "power_kw"), 300);
                });

        // import 1000 kW and export 100 kW over 1 h; PV 300 kW of which 100 kW left the site
        assertThat(value(report, Kpi.E_GRID)).isCloseTo(900, within(1e-6));
        assertThat(value(report, Kpi.E_GRID_EXPORT)).isCloseTo(100, within(1e-6));
        assertThat(value(report, Kpi.E_REN_ONSITE)).isCloseTo(200, within(1e-6));
        assertThat(value(report, Kpi.E_DC)).isCloseTo(1200, within(1e-6));
    }

    @Test
    void aCounterWithoutReadingsFallsBackToIntegratedPowerAndSaysSo() {
        Report report = hour(text -> text, store -> power(store, PointId.of("it", "power_kw"), 800));

        MeterLine it = report.meters().stream().filter(m -> m.meter().id().equals("M-IT")).findFirst().orElseThrow();
        assertThat(it.method()).isEqualTo(MeteringMethod.INTEGRATED);
        assertThat(it.fallbackReason()).contains("counter it.energy_kwh has no two GOOD readings in the period");
        // 800 kW over 1 h
        assertThat(value(report, Kpi.E_IT)).isCloseTo(800, within(1e-6));
    }

    @Test
    void withoutEmissionFactorsTheCueIsUnavailableAndSaysWhichFactorIsMissing() {
        Report report = hour(text -> text.replace("  carbon: { locationKgPerKwh: 0.5, marketKgPerKwh: 0.4, reference: \"test factors\" }\n", ""),
                store -> {
                    counter(store, PointId.of("grid", "energy_kwh"), s -> 60000 + 1000.0 * s / 3600);
                    power(store, PointId.of("it", "power_kw"), 800);
                });

        assertThat(report.figure(Kpi.CUE_LOCATION)).isInstanceOfSatisfying(Figure.Unavailable.class, f -> assertThat(f.reason())
                .isEqualTo("CO2_loc is unavailable: no grid.carbon.locationKgPerKwh in the site file"));
        assertThat(report.figure(Kpi.E_COOLING)).isInstanceOfSatisfying(Figure.Unavailable.class, f -> assertThat(f.reason())
                .isEqualTo("no GOOD data from its meters in the period"));
    }

    @Test
    void aCarbonFeedWeighsEachPieceOfTheGridByItsOwnFactor() {
        Report report = hour(text -> text.replace("devices:", "feeds:\n  - { id: ref-carbon, kind: carbon, method: location, format: csv, file: carbon/half-hours.csv,\n      csv: { time: time, value: g_per_kwh, unit: g/kWh, resolution: 30m } }\ndevices:"), store -> {
                    counter(store, PointId.of("grid", "energy_kwh"), s -> 60000 + 1000.0 * s / 3600);
                    power(store, PointId.of("it", "power_kw"), 800);
                });

        // 1000 kW: 500 kWh at 200 g/kWh (00:00-00:30) and 500 kWh at 600 g/kWh (00:30-01:00)
        assertThat(value(report, Kpi.CO2_LOCATION)).isCloseTo(500 * 0.2 + 500 * 0.6, within(1e-6));
        // the market-based factor stays the constant 0.4; the 744 MWh/744 h contract covers 1000 kWh of the hour
        assertThat(value(report, Kpi.CO2_MARKET)).isCloseTo(0, within(1e-6));
    }

    @Test
    void aFeedThatMissesPartOfThePeriodWithoutAConstantLeavesTheEmissionsUnavailable() {
        Report report = hour(text -> text.replace("devices:", "feeds:\n  - { id: ref-carbon, kind: carbon, method: location, format: csv, file: carbon/half-hours.csv,\n      csv: { time: time, value: g_per_kwh, unit: g/kWh, resolution: 30m } }\ndevices:")
                .replace("carbon: { locationKgPerKwh: 0.5,", "carbon: {"), store -> {
                    counter(store, PointId.of("grid", "energy_kwh"), s -> 60000 + 1000.0 * (s + 1800) / 3600);
                    power(store, PointId.of("it", "power_kw"), 800);
                }, HOUR_BEFORE);

        assertThat(report.figure(Kpi.CO2_LOCATION)).isInstanceOfSatisfying(Figure.Unavailable.class, f -> assertThat(f.reason())
                .isEqualTo("the location carbon feed does not cover the span and no grid.carbon.locationKgPerKwh is given"));
    }

    private Report hour(UnaryOperator<String> edit, java.util.function.Consumer<RrdTelemetryStore> data) {
        return hour(edit, data, HOUR);
    }

    private Report hour(UnaryOperator<String> edit, java.util.function.Consumer<RrdTelemetryStore> data, ReportPeriod period) {
        Site site = ReferenceData.site(tmp, edit);
        try (RrdTelemetryStore store = RrdTelemetryStore.open(tmp.resolve("rrd"))) {
            data.accept(store);
            return new ReportEngine(store).build(site, period, ReportSettings.DEFAULTS, "rrd4j store");
        }
    }

    /** A register sampled every 10 s from a minute before the hour to a minute after it. */
    private static void counter(RrdTelemetryStore store, PointId point, IntToDoubleFunction kwhAtSecond) {
        List<Sample> samples = new ArrayList<>();
        for (int s = -60; s <= 3660; s += 10) {
            samples.add(Sample.good(point, kwhAtSecond.applyAsDouble(s + 9), FROM.plusSeconds(s + 9)));
        }
        store.write(samples);
    }

    private static void power(RrdTelemetryStore store, PointId point, double kw) {
        counter(store, point, s -> kw);
    }

    private static double value(Report report, Kpi kpi) {
        assertThat(report.figure(kpi)).as(kpi.name()).isInstanceOf(Figure.Value.class);
        return ((Figure.Value) report.figure(kpi)).value();
    }
}
