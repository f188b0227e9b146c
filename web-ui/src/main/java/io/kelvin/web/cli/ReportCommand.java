package io.kelvin.web.cli;

import io.kelvin.collectors.store.influxdb.InfluxConnection;
import io.kelvin.collectors.store.influxdb.InfluxTelemetryStore;
import io.kelvin.collectors.store.rrd4j.RrdTelemetryStore;
import io.kelvin.core.dr.DrEventStore;
import io.kelvin.core.reporting.PlanOutcomeHistory;
import io.kelvin.core.site.Device;
import io.kelvin.core.site.Site;
import io.kelvin.core.site.load.SiteConfigException;
import io.kelvin.core.site.load.SiteLoader;
import io.kelvin.core.telemetry.StoreUnavailableException;
import io.kelvin.core.telemetry.TelemetryStore;
import io.kelvin.reports.export.Exporter;
import io.kelvin.reports.export.Manifest;
import io.kelvin.reports.period.PeriodParser;
import io.kelvin.reports.period.ReportPeriod;
import io.kelvin.reports.report.DataSources;
import io.kelvin.reports.report.NoDataException;
import io.kelvin.reports.report.Report;
import io.kelvin.reports.report.ReportEngine;
import io.kelvin.reports.report.ReportSettings;
import io.kelvin.state.JdbcDrEventStore;
import io.kelvin.state.JdbcPlanOutcomeHistory;
import io.kelvin.state.KelvinDatabase;
import io.kelvin.web.runtime.DataDirSite;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * {@code ./kelvin report}: an auditor report of a stopped site's data, written to a file with its
 * SHA-256 manifest beside it ({@code FILE.sha256}). Wiring only: the store adapter from collectors
 * (rrd4j under {@code DATA_DIR/rrd}, opened read-only, or InfluxDB), the site file, and the reports
 * engine. A bad input prints what and where and exits non-zero without writing anything:
 * 2 bad option or period, 3 bad site file, 4 data not readable or of another site, 5 no data in the period.
 */
public final class ReportCommand {

    static final int OK = 0;
    static final int USAGE = 2;
    static final int BAD_SITE = 3;
    static final int BAD_DATA = 4;
    static final int NO_DATA = 5;
    static final Path DEMO_SITE = Path.of("site-configs", "sites", "demo-aidc.yaml");

    private ReportCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        ReportArguments arguments;
        try {
            arguments = ReportArguments.parse(args);
        } catch (ReportArguments.UsageException e) {
            err.println("kelvin report: " + e.getMessage());
            err.println(ReportArguments.USAGE);
            return USAGE;
        }
        try {
            return report(arguments, out, err);
        } catch (SiteConfigException e) {
            err.println("kelvin report: the site file has problems:");
            e.problems().forEach(p -> err.println("  " + p));
            return BAD_SITE;
        } catch (StoreUnavailableException | DataDirException | IllegalStateException e) {
            err.println("kelvin report: " + e.getMessage());
            return BAD_DATA;
        } catch (NoDataException e) {
            err.println("kelvin report: " + e.getMessage());
            return NO_DATA;
        } catch (IllegalArgumentException e) {
            err.println("kelvin report: " + e.getMessage());
            return USAGE;
        } catch (IOException e) {
            err.println("kelvin report: cannot write " + arguments.out() + ": " + e.getMessage());
            return USAGE;
        }
    }

    private static int report(ReportArguments arguments, PrintStream out, PrintStream err) throws IOException {
        Path target = arguments.out().toAbsolutePath();
        if (!Files.isDirectory(target.getParent())) {
            throw new IllegalArgumentException("--out: folder " + target.getParent() + " does not exist");
        }
        Site site = SiteLoader.load(siteFile(arguments, err));
        checkDataDir(arguments, site);
        ReportPeriod period = arguments.period().isPresent()
                ? PeriodParser.named(arguments.period().get(), site.info().timezone())
                : PeriodParser.between(arguments.from().orElseThrow(), arguments.to().orElseThrow(), site.info().timezone());
        Report report;
        try (TelemetryStore store = open(arguments, site)) {
            report = new ReportEngine(store, drEvents(arguments), planOutcomes(arguments)).build(site, period,
                    arguments.completeness().isPresent()
                    ? new ReportSettings(arguments.completeness().getAsDouble()) : ReportSettings.of(site),
                    arguments.influxUrl().isPresent() ? DataSources.influxDb(arguments.influxDb()) : DataSources.RRD4J);
        }
        byte[] bytes = Exporter.export(report, arguments.format());
        writeAtomically(target, bytes);
        Path manifest = target.resolveSibling(target.getFileName() + ".sha256");
        writeAtomically(manifest, Manifest.line(bytes, target.getFileName().toString()));
        out.println("kelvin report: " + site.info().id() + " " + period.label() + " (" + arguments.format().name()
                .toLowerCase(java.util.Locale.ROOT) + ", " + bytes.length + " bytes) -> " + target);
        out.println("  sha256 " + Manifest.sha256(bytes) + " (manifest " + manifest.getFileName() + ")");
        return OK;
    }

    /**
     * The demand-response events the data dir's state database keeps (H2 {@code DATA_DIR/kelvin-db}, read
     * beside a running app through AUTO_SERVER), as the app reads them; none without a data dir or database.
     */
    private static Optional<DrEventStore> drEvents(ReportArguments arguments) {
        return arguments.dataDir().filter(d -> Files.isRegularFile(d.resolve(KelvinDatabase.H2_NAME + ".mv.db")))
                .map(d -> new JdbcDrEventStore(KelvinDatabase.simple(KelvinDatabase.h2Url(d), KelvinDatabase.H2_USER, "")));
    }

    /**
     * The optimizer's plans and the jobs' runs the data dir's state database keeps, for the savings section, as the
     * app reads them; none without a data dir or database.
     */
    private static Optional<PlanOutcomeHistory> planOutcomes(ReportArguments arguments) {
        return arguments.dataDir().filter(d -> Files.isRegularFile(d.resolve(KelvinDatabase.H2_NAME + ".mv.db")))
                .map(d -> new JdbcPlanOutcomeHistory(KelvinDatabase.simple(KelvinDatabase.h2Url(d),
                        KelvinDatabase.H2_USER, "")));
    }

    /** --site, else the site file the data dir records, else the demo site. */
    private static Path siteFile(ReportArguments arguments, PrintStream err) {
        if (arguments.site().isPresent()) {
            return arguments.site().get();
        }
        Optional<DataDirSite> recorded = arguments.dataDir().flatMap(DataDirSite::read);
        if (recorded.isPresent() && Files.isRegularFile(recorded.get().siteFile())) {
            return recorded.get().siteFile();
        }
        err.println("kelvin report: no --site given" + recorded.map(r -> " and the recorded " + r.siteFile()
                + " is gone").orElse("") + "; using the demo site " + DEMO_SITE);
        return DEMO_SITE;
    }

    private static void checkDataDir(ReportArguments arguments, Site site) {
        if (arguments.dataDir().isEmpty()) {
            return;
        }
        Path dataDir = arguments.dataDir().get();
        if (arguments.influxUrl().isEmpty() && !Files.isDirectory(dataDir.resolve("rrd"))) {
            throw new DataDirException("no embedded store in " + dataDir + " (expected the folder "
                    + dataDir.resolve("rrd") + ")");
        }
        DataDirSite.read(dataDir).filter(r -> !r.siteId().equals(site.info().id())).ifPresent(r -> {
            throw new DataDirException(dataDir + " holds data of site '" + r.siteId() + "' (" + r.siteFile()
                    + "), not of '" + site.info().id() + "': pass that site with --site");
        });
    }

    private static TelemetryStore open(ReportArguments arguments, Site site) {
        if (arguments.influxUrl().isEmpty()) {
            return RrdTelemetryStore.openReadOnly(arguments.dataDir().orElseThrow().resolve("rrd"));
        }
        InfluxConnection connection = InfluxConnection.of(arguments.influxUrl().get(), arguments.influxDb(), site.info().id());
        if (arguments.influxUser().isPresent()) {
            String variable = arguments.influxPasswordEnv().orElseThrow();
            String password = System.getenv(variable);
            if (password == null) {
                throw new DataDirException("environment variable " + variable + " (--influx-password-env) is not set");
            }
            connection = connection.withCredentials(arguments.influxUser().get(), password);
        }
        return InfluxTelemetryStore.connectForReading(connection, id -> site.device(id).map(Device::deviceClass).orElse(null));
    }

    /** Writes to a temporary file beside {@code target} and moves it in place, so a failure leaves no half file. */
    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        try {
            Files.write(temporary, bytes);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The data to report on cannot be used: missing, or recorded for another site. */
    private static final class DataDirException extends RuntimeException {
        DataDirException(String message) {
            super(message);
        }
    }
}
