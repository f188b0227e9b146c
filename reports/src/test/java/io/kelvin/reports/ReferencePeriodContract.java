package io.kelvin.reports;

import static io.kelvin.reports.ReferenceData.FROM;
import static io.kelvin.reports.ReferenceData.TO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kelvin.core.site.PueCategory;
import io.kelvin.core.site.Site;
import io.kelvin.core.telemetry.TelemetryStore;
import io.kelvin.reports.kpi.Completeness;
import io.kelvin.reports.kpi.Figure;
import io.kelvin.reports.kpi.Gb40879Grade;
import io.kelvin.reports.kpi.Kpi;
import io.kelvin.reports.metering.CounterEvent;
import io.kelvin.reports.metering.MeteringMethod;
import io.kelvin.reports.period.PeriodKind;
import io.kelvin.reports.period.ReportPeriod;
import io.kelvin.reports.report.MeterLine;
import io.kelvin.reports.report.Report;
import io.kelvin.reports.report.ReportEngine;
import io.kelvin.reports.report.ReportSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference period ({@link ReferenceData}) through a real store and the engine, against a hand
 * calculation written out below; run on each store by a subclass. Readings of a register are the
 * last sample of each minute (at second 59) and stand for the minute's end, so the reading "at
 * 00:00" is the sample of 23:59:59.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReferencePeriodContract {

    private static final double KWH = 1e-6;

    // --- the hand calculation ---------------------------------------------------------------------
    /** IT register: 1000 kW over the 6 h between the readings at 23:59:59 and 05:59:59; the wrap at 100000 adds nothing. */
    static final double E_IT = 1000.0 * 6;
    /**
     * Grid register: old meter from its reading at 23:59:59 (52000 - 1000/3600) to its final 55000 at the
     * 03:00 replacement, i.e. 1000 kW over 3 h 1 s; new meter from its first 10 to the reading at 05:59:59,
     * i.e. 1100 kW over 3 h - 1 s.
     */
    static final double E_GRID = 1000.0 * (3 + 1.0 / 3600) + 1100.0 * (3 - 1.0 / 3600);
    /** PV: 200 kW for 1 h and 0.5 h (01:00-01:30 missing), 400 kW for 4 h less the 15 min COMM_FAILED. */
    static final double E_PV = 200.0 * 1 + 200.0 * 0.5 + 400.0 * (4 - 0.25);
    static final double E_DC = E_GRID + E_PV;
    static final double E_COOLING = 150.0 * 6;
    static final double E_CONVERSION = 1040.0 * 6;
    static final double E_REUSE = 300.0 * 6;
    /** 20 L/min over 360 min. */
    static final double WATER_L = 20.0 * 360;
    /** 744 MWh over March's 744 h is 1 MWh per hour: 6 MWh in the period. */
    static final double CONTRACTED = 744_000.0 * 6 / 744;
    /** On-site PV (no export metered) plus contracts, capped at E_DC. */
    static final double E_REN = Math.min(E_DC, E_PV + CONTRACTED);
    static final double CO2_LOCATION = E_GRID * 0.5;
    static final double CO2_MARKET = (E_GRID - CONTRACTED) * 0.4;

    @TempDir
    static Path tmp;
    private TelemetryStore store;
    private Report report;

    /** A store with fresh, empty storage. */
    protected abstract TelemetryStore openStore(Path dir, Site site);

    /** The data is written and the report built once; every test reads the same report. */
    @BeforeAll
    void writeReferenceDataAndReport() {
        Site site = ReferenceData.site(tmp);
        store = openStore(tmp, site);
        ReferenceData.write(store);
        ReportPeriod period = new ReportPeriod(FROM.atZone(ZoneId.of("Asia/Shanghai")), TO.atZone(ZoneId.of("Asia/Shanghai")),
                PeriodKind.CUSTOM);
        report = new ReportEngine(store).build(site, period, ReportSettings.DEFAULTS, "test store");
    }

    @AfterAll
    void closeStore() {
        store.close();
    }

    private Report report() {
        return report;
    }

    @Test
    void energiesEqualTheHandCalculation() {
        Report report = report();

        assertThat(value(report, Kpi.E_IT)).isCloseTo(E_IT, within(KWH));
        assertThat(value(report, Kpi.E_GRID)).isCloseTo(E_GRID, within(KWH));
        assertThat(value(report, Kpi.E_PV)).isCloseTo(E_PV, within(KWH));
        assertThat(value(report, Kpi.E_DC)).isCloseTo(E_DC, within(KWH));
        assertThat(value(report, Kpi.E_COOLING)).isCloseTo(E_COOLING, within(KWH));
        assertThat(value(report, Kpi.E_CONVERSION_INPUT)).isCloseTo(E_CONVERSION, within(KWH));
        assertThat(value(report, Kpi.E_REUSE)).isCloseTo(E_REUSE, within(KWH));
        assertThat(value(report, Kpi.WATER)).isCloseTo(WATER_L, within(KWH));
        assertThat(value(report, Kpi.E_REN_CONTRACTED)).isCloseTo(CONTRACTED, within(KWH));
        assertThat(value(report, Kpi.E_REN)).isCloseTo(E_REN, within(KWH));
    }

    @Test
    void kpisEqualTheHandCalculation() {
        Report report = report();

        assertThat(value(report, Kpi.PUE)).isCloseTo(E_DC / E_IT, within(1e-9));
        assertThat(value(report, Kpi.PPUE_COOLING)).isCloseTo((E_IT + E_COOLING) / E_IT, within(1e-9));
        assertThat(value(report, Kpi.PPUE_POWER)).isCloseTo(E_CONVERSION / E_IT, within(1e-9));
        assertThat(value(report, Kpi.ERF)).isCloseTo(E_REUSE / E_DC, within(1e-9));
        assertThat(value(report, Kpi.REF)).isCloseTo(E_REN / E_DC, within(1e-9));
        assertThat(value(report, Kpi.CO2_LOCATION)).isCloseTo(CO2_LOCATION, within(KWH));
        assertThat(value(report, Kpi.CO2_MARKET)).isCloseTo(CO2_MARKET, within(KWH));
        assertThat(value(report, Kpi.CUE_LOCATION)).isCloseTo(CO2_LOCATION / E_IT, within(1e-9));
        assertThat(value(report, Kpi.CUE_MARKET)).isCloseTo(CO2_MARKET / E_IT, within(1e-9));
        assertThat(value(report, Kpi.WUE)).isCloseTo(WATER_L / E_IT, within(1e-9));
        // E_DC / E_IT = 1.35: at most 1.50, above 1.30 (GB 40879-2021, Table 1)
        assertThat(report.gbGrade()).contains(Gb40879Grade.GRADE_3);
        // a 6-hour period measured with IT at PDU outputs: interim PUE category 2
        assertThat(report.designation().category()).contains(PueCategory.PUE2);
        assertThat(report.designation().interim()).isTrue();
    }

    @Test
    void theGapIsDisclosedPerMeterAndMarksEveryFigureItFeeds() {
        Report report = report();

        // PV lacks 01:00-01:30 and 04:00-04:15: 5 h 15 min of 6 h
        MeterLine pv = meter(report, "M-PV");
        assertThat(pv.method()).isEqualTo(MeteringMethod.INTEGRATED);
        assertThat(pv.measured().covered()).isEqualTo(Duration.ofMinutes(5 * 60 + 15));
        assertThat(pv.measured().coverage()).isCloseTo(0.875, within(1e-12));
        // the IT register's silence 04:00-04:40 costs nothing: it kept counting
        assertThat(meter(report, "M-IT").measured().coverage()).isEqualTo(1.0);
        assertThat(report.figure(Kpi.E_DC)).isInstanceOfSatisfying(Figure.Value.class,
                f -> assertThat(f.completeness()).isEqualTo(Completeness.BELOW_THRESHOLD));
        assertThat(report.figure(Kpi.PUE)).isInstanceOfSatisfying(Figure.Value.class,
                f -> assertThat(f.completeness()).isEqualTo(Completeness.BELOW_THRESHOLD));
        assertThat(report.figure(Kpi.E_IT)).isInstanceOfSatisfying(Figure.Value.class,
                f -> assertThat(f.completeness()).isEqualTo(Completeness.COMPLETE));
        assertThat(report.figure(Kpi.CUE_LOCATION)).isInstanceOfSatisfying(Figure.Value.class,
                f -> assertThat(f.completeness()).isEqualTo(Completeness.COMPLETE));
    }

    @Test
    void theRolloverAndTheReplacementAreDisclosedWhereTheyHappened() {
        Report report = report();

        assertThat(meter(report, "M-IT").events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(CounterEvent.Kind.ROLLOVER);
            // 97500 + 1000 kW x 2.5 h reaches 100000 at 02:30 local (18:30 UTC); the wrap shows in that minute
            assertThat(e.at()).isEqualTo(FROM.plus(Duration.ofMinutes(151)));
        });
        assertThat(meter(report, "M-GRID").events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(CounterEvent.Kind.REPLACEMENT);
            assertThat(e.at()).isEqualTo(FROM.plus(Duration.ofHours(3)));
            assertThat(e.before()).isEqualTo(55000.0);
            assertThat(e.after()).isEqualTo(10.0);
        });
        assertThat(meter(report, "M-GRID").method()).isEqualTo(MeteringMethod.COUNTER);
    }

    private static double value(Report report, Kpi kpi) {
        Figure figure = report.figure(kpi);
        assertThat(figure).as("%s: %s", kpi, figure).isInstanceOf(Figure.Value.class);
        return ((Figure.Value) figure).value();
    }

    private static MeterLine meter(Report report, String id) {
        return report.meters().stream().filter(m -> m.meter().id().equals(id)).findFirst().orElseThrow();
    }
}
