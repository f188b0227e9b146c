package io.kelvin.web.runtime;

import io.kelvin.collectors.CollectorSettings;
import io.kelvin.collectors.Collectors;
import io.kelvin.collectors.pipeline.StoreWriter;
import io.kelvin.collectors.pipeline.StoreWriterHealth;
import io.kelvin.core.alarm.AlarmActions;
import io.kelvin.core.alarm.AlarmDesk;
import io.kelvin.core.alarm.AlarmTransition;
import io.kelvin.core.alarm.AuditedAlarmActions;
import io.kelvin.core.alarm.Transition;
import io.kelvin.core.device.DeviceHealthSource;
import io.kelvin.core.identity.AuditLog;
import io.kelvin.core.control.PlantControl;
import io.kelvin.core.kpi.SiteKpis;
import io.kelvin.core.site.Site;
import io.kelvin.core.site.load.SiteLoader;
import io.kelvin.core.telemetry.LatestValues;
import io.kelvin.core.telemetry.Sample;
import io.kelvin.core.telemetry.SampleSink;
import io.kelvin.core.telemetry.TelemetryStore;
import io.kelvin.simulator.SiteTwin;
import io.kelvin.state.JdbcAlarmStore;
import io.kelvin.simulator.TwinOptions;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The composition root: loads the site, starts its digital twin when asked to, opens the telemetry
 * store, and connects the collectors, whose samples go both to the live snapshot and, through a
 * non-blocking {@link StoreWriter}, to the store. Every second the site totals ({@link SiteKpis})
 * are derived from the snapshot and fed to the same sink. This is the only class that reads the
 * real clock; everything else gets it injected.
 *
 * <p>Started when the application starts (or on first use, whichever comes first) and closed at
 * shutdown in dependency order: collectors, twin, writer (flushing what is queued), store.
 */
@ApplicationScoped
public class KelvinRuntime {

    private static final Logger LOG = Logger.getLogger(KelvinRuntime.class);

    private final KelvinSettings settings;
    private final InstantSource clock = InstantSource.system();
    private final LatestValues latest = new LatestValues();
    private final AlarmDesk alarmDesk;
    private volatile Running running;
    private boolean closed;

    /** What a started runtime holds, in start order. {@code twin} is empty unless simulating. */
    private record Running(Site site, Optional<SiteTwin> twin, TelemetryStore store, StoreWriter writer,
                           SampleSink sink, Collectors collectors) {
    }

    KelvinRuntime(KelvinSettings settings, StateDatabase state) {
        this.settings = settings;
        // Alarms live in the state database; operator actions reach the devices through the collectors
        // once they run (before that they are answered as unreachable).
        this.alarmDesk = new AlarmDesk(new JdbcAlarmStore(state.dataSource()), AlarmActions.via(this::collectorsIfRunning),
                settings.alarms().policy(), clock, KelvinRuntime::logAlarm);
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        started();
    }

    void onStop(@Observes ShutdownEvent event) {
        close();
    }

    @Produces
    @Singleton
    Site site() {
        return started().site();
    }

    @Produces
    @Singleton
    TelemetryStore telemetryStore() {
        return started().store();
    }

    /** Setpoint writes go through the collectors' device connections. */
    @Produces
    @Singleton
    PlantControl plantControl() {
        return started().collectors();
    }

    @Produces
    @Singleton
    LatestValues latestValues() {
        return latest;
    }

    /** Alarms of the site's devices, with their state, history and the operator actions on them. */
    @Produces
    @Singleton
    AlarmDesk alarmDesk() {
        return alarmDesk;
    }

    /** Operator actions on alarms, each put on the audit trail; the REST API and the dashboard share it. */
    @Produces
    @Singleton
    AuditedAlarmActions auditedAlarmActions(AuditLog audit) {
        return new AuditedAlarmActions(alarmDesk, audit);
    }

    /** Each device's state, last error, last good sample, point quality and common information. */
    @Produces
    @Singleton
    DeviceHealthSource deviceHealth() {
        return started().collectors();
    }

    /** The site's digital twin when the runtime simulates it (the demo and the tests drive faults through it). */
    public Optional<SiteTwin> twin() {
        return started().twin();
    }

    private Collectors collectorsIfRunning() {
        Running now = running;
        return now == null ? null : now.collectors();
    }

    private static void logAlarm(io.kelvin.core.alarm.Alarm alarm, List<AlarmTransition> transitions) {
        for (AlarmTransition t : transitions) {
            if (t.kind() == Transition.RAISED || t.kind() == Transition.APPEARED) {
                LOG.warnf("Alarm from %s: %s (severity %d, source %s)", alarm.device(), alarm.message(), alarm.severity(),
                        alarm.sourceName());
            } else {
                LOG.infof("Alarm %s: %s, now %s", alarm.key(), t.kind(), t.phase());
            }
        }
    }

    @Produces
    @Singleton
    InstantSource clock() {
        return clock;
    }

    /** True once every part is started and the snapshot holds at least one sample. */
    public boolean ready() {
        return running != null && latest.size() > 0;
    }

    /** The store writer's health (store or journal refusing, samples lost); empty before start and after close. */
    public Optional<StoreWriterHealth> storeWriterHealth() {
        Running now = running;
        return now == null ? Optional.empty() : Optional.of(now.writer().health());
    }

    /** Poll cycles all devices skipped since start (overload slows acquisition); empty before start and after close. */
    public Optional<Double> pollOverruns() {
        Running now = running;
        return now == null ? Optional.empty()
                : Optional.of((double) now.collectors().health().values().stream().mapToLong(h -> h.pollOverruns()).sum());
    }

    /** Poll cycles all devices skipped in the last minute (overload now); empty before start and after close. */
    public Optional<Double> pollOverrunsLastMinute() {
        Running now = running;
        return now == null ? Optional.empty() : Optional.of((double) now.collectors().health().values().stream()
                .mapToLong(h -> h.pollOverrunsLastMinute()).sum());
    }

    /** Samples waiting in the store writer's journal; empty before start and after close. */
    public Optional<Double> journalSamples() {
        Running now = running;
        return now == null ? Optional.empty() : Optional.of((double) now.writer().spillPending());
    }

    /** Derives the site totals from the snapshot and feeds them to the sink; a no-op before start and after close. */
    public void deriveSiteKpis() {
        Running now = running;
        if (now == null) {
            return;
        }
        List<Sample> totals = SiteKpis.derive(now.site(), latest.snapshot(), clock.instant());
        if (!totals.isEmpty()) {
            now.sink().accept(totals);
        }
    }

    private synchronized Running started() {
        if (running == null) {
            if (closed) {
                throw new IllegalStateException("Kelvin runtime is shut down");
            }
            running = start();
        }
        return running;
    }

    private Running start() {
        long startNanos = System.nanoTime();
        Path siteFile = settings.site().toAbsolutePath().normalize();
        Path dataDir = settings.dataDir().toAbsolutePath().normalize();
        Site site = SiteLoader.load(siteFile);
        LOG.infof("Loaded site %s (%s): %d devices, %d meters, from %s", site.info().id(), site.info().name(),
                site.devices().size(), site.meters().size(), siteFile);
        DataDirSite.record(dataDir, site.info().id(), siteFile);
        Optional<SiteTwin> twin = Optional.empty();
        TelemetryStore store = null;
        StoreWriter writer = null;
        try {
            if (settings.simulate()) {
                twin = Optional.of(SiteTwin.start(site,
                        new TwinOptions(clock, settings.simulateSeed(), dataDir.resolve("twin"))));
                LOG.infof("Digital twin of %s serving on loopback", site.info().id());
            }
            store = TelemetryStores.open(settings.store(), dataDir, site);
            // Samples the store cannot take right now spill to a journal under the data dir and are replayed.
            writer = StoreWriter.withJournal(store, TelemetryStores.writerSettings(settings.store()), clock,
                    dataDir.resolve("journal"));
            StoreWriter sinkWriter = writer;
            SampleSink sink = samples -> {
                latest.acceptAll(samples);
                sinkWriter.accept(samples);
            };
            // OPC UA certificates (own, trusted, rejected) live under the data dir, so trust survives restarts.
            // Only conditions are alarms (OPC UA Part 9, 5.5.2): the desk drops the server's session and audit events.
            Collectors collectors = Collectors.start(site, sink, alarmDesk, clock,
                    CollectorSettings.defaults().withPkiDir(dataDir.resolve("pki")));
            LOG.infof("Kelvin runtime started in %d ms (store %s under %s)",
                    Duration.ofNanos(System.nanoTime() - startNanos).toMillis(),
                    settings.store().type().name().toLowerCase(java.util.Locale.ROOT), dataDir);
            return new Running(site, twin, store, writer, sink, collectors);
        } catch (RuntimeException e) {
            closeQuietly(writer, store, twin);
            throw e;
        }
    }

    synchronized void close() {
        closed = true;
        Running toClose = running;
        running = null;
        if (toClose == null) {
            return;
        }
        closeStep("collectors", toClose.collectors());
        toClose.twin().ifPresent(twin -> closeStep("digital twin", twin));
        closeStep("store writer", toClose.writer());
        closeStep("telemetry store", toClose.store());
        LOG.info("Kelvin runtime stopped");
    }

    private static void closeQuietly(StoreWriter writer, TelemetryStore store, Optional<SiteTwin> twin) {
        if (writer != null) {
            closeStep("store writer", writer);
        }
        if (store != null) {
            closeStep("telemetry store", store);
        }
        twin.ifPresent(t -> closeStep("digital twin", t));
    }

    /** One part failing to close must not keep the others open. */
    private static void closeStep(String part, AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warnf("Interrupted while closing the %s", part);
        } catch (Exception e) {
            LOG.warnf(e, "Closing the %s failed", part);
        }
    }
}
