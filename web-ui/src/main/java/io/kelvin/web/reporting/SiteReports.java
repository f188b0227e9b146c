package io.kelvin.web.reporting;

import io.kelvin.core.site.Site;
import io.kelvin.core.telemetry.TelemetryStore;
import io.kelvin.reports.archive.MonthlyArchive;
import io.kelvin.reports.period.ReportPeriod;
import io.kelvin.reports.report.DataSources;
import io.kelvin.reports.report.Report;
import io.kelvin.reports.report.ReportEngine;
import io.kelvin.reports.report.ReportSettings;
import io.kelvin.state.JdbcDrEventStore;
import io.kelvin.state.JdbcPlanOutcomeHistory;
import io.kelvin.web.runtime.KelvinSettings;
import io.kelvin.web.runtime.StateDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The reports engine wired to the running site and its telemetry store, for the REST resource, the
 * reports view and the monthly archive. The report names its data source exactly as {@code ./kelvin
 * report} does ({@link DataSources}), so the app and the command line give the same bytes for the
 * same data, period and threshold. The demand-response and optimizer savings sections read the events,
 * plans and job runs the state database keeps. The archive lives under {@code DATA_DIR/reports}.
 */
@ApplicationScoped
public class SiteReports {

    private final Site site;
    private final ReportEngine engine;
    private final String dataSource;
    private final MonthlyArchive archive;

    SiteReports(Site site, TelemetryStore store, KelvinSettings settings, StateDatabase database) {
        this.site = site;
        // demand-response events, the plans' per-job figures and the jobs' runs are read from the state database
        this.engine = new ReportEngine(store, Optional.of(new JdbcDrEventStore(database.dataSource())),
                Optional.of(new JdbcPlanOutcomeHistory(database.dataSource())));
        this.dataSource = switch (settings.store().type()) {
            case RRD4J -> DataSources.RRD4J;
            case INFLUXDB -> DataSources.influxDb(settings.store().influx().database());
        };
        Path root = settings.dataDir().toAbsolutePath().normalize().resolve("reports");
        this.archive = new MonthlyArchive(root, site.info().timezone(), period -> build(period, ReportSettings.of(site)));
    }

    public Site site() {
        return site;
    }

    /** @throws io.kelvin.reports.report.NoDataException when no meter has GOOD data in the period */
    public Report build(ReportPeriod period, ReportSettings settings) {
        return engine.build(site, period, settings, dataSource);
    }

    public MonthlyArchive archive() {
        return archive;
    }
}
