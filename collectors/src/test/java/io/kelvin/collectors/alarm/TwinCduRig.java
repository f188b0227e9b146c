package io.kelvin.collectors.alarm;

import org.awaitility.Awaitility;

import io.kelvin.collectors.Collectors;
import io.kelvin.collectors.RecordingSink;
import io.kelvin.collectors.CollectorSettings;
import io.kelvin.core.alarm.Alarm;
import io.kelvin.core.alarm.AlarmActions;
import io.kelvin.core.alarm.AlarmDesk;
import io.kelvin.core.alarm.AlarmListener;
import io.kelvin.core.alarm.AlarmPolicy;
import io.kelvin.core.alarm.DeviceEvent;
import io.kelvin.core.site.Device;
import io.kelvin.core.site.OpcUaSettings;
import io.kelvin.core.site.Site;
import io.kelvin.simulator.SiteTwin;
import io.kelvin.simulator.TwinAlarm;
import io.kelvin.simulator.TwinOptions;
import io.kelvin.testkit.SiteFixtures;
import io.kelvin.testkit.alarm.MemoryAlarmStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The twin's cdu-01 (a real Milo server with real alarm conditions) collected into an alarm desk over
 * an in-memory store, as the app wires them: the desk is the collectors' event sink and acts through
 * the collectors. {@link #connect()} and {@link #disconnect()} open and close Kelvin's session while
 * the twin, and the desk's store, live on.
 */
final class TwinCduRig implements AutoCloseable {

    static final String CDU = "cdu-01";
    static final CollectorSettings QUICK = new CollectorSettings(Duration.ofMillis(500), Duration.ofMillis(200),
            Duration.ofMillis(500));

    final SiteTwin twin;
    final Site site;
    final MemoryAlarmStore store = new MemoryAlarmStore();
    final List<DeviceEvent> events = new CopyOnWriteArrayList<>();
    final RecordingSink samples = new RecordingSink();
    final AlarmDesk desk;
    private final Path dir;
    private volatile Collectors collectors;

    private TwinCduRig(Site site, SiteTwin twin, Path dir) {
        this.site = site;
        this.twin = twin;
        this.dir = dir;
        this.desk = new AlarmDesk(store, AlarmActions.via(() -> collectors), AlarmPolicy.DEFAULT, Clock.systemUTC(),
                AlarmListener.NONE);
    }

    /** The twin of the demo site's cdu-01 alone, with {@code security} on its site entry. */
    static TwinCduRig start(Path dir, OpcUaSettings security) {
        Site demo = SiteFixtures.demoSite(dir);
        Device plain = demo.device(CDU).orElseThrow();
        Device cdu = new Device(plain.id(), plain.profile(), plain.endpoint(), plain.host(), plain.port(), plain.unitId(),
                plain.ratedKw(), security);
        Site site = new Site(demo.info(), demo.grid(), List.of(), List.of(cdu), demo.cluster(), demo.configRoot());
        SiteTwin twin = SiteTwin.start(site, new TwinOptions(Clock.systemUTC(), 7, dir.resolve("twin-state")));
        return new TwinCduRig(site, twin, dir);
    }

    static TwinCduRig start(Path dir) {
        return start(dir, OpcUaSettings.DEFAULT);
    }

    /** Opens Kelvin's session; returns once the CDU's values arrive. */
    TwinCduRig connect() {
        collectors = Collectors.start(site, samples, event -> {
            events.add(event);
            desk.accept(event);
        }, Clock.systemUTC(), QUICK.withPkiDir(dir.resolve("pki")));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !samples.all().isEmpty());
        return this;
    }

    void disconnect() {
        Collectors closing = collectors;
        collectors = null;
        if (closing != null) {
            closing.close();
        }
    }

    Collectors collectors() {
        return collectors;
    }

    /** Waits for the current alarm (the trunk, not a branch) of {@code condition} to satisfy {@code until}. */
    Alarm await(TwinAlarm condition, Predicate<Alarm> until) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> trunk(condition).filter(until).isPresent());
        return trunk(condition).orElseThrow();
    }

    Optional<Alarm> trunk(TwinAlarm condition) {
        return store.current(100).stream()
                .filter(a -> a.conditionName().equals(condition.condition()) && !a.key().isBranch()).findFirst();
    }

    /** The events of {@code condition} received so far, in order. */
    List<io.kelvin.core.alarm.ConditionEvent> eventsOf(TwinAlarm condition) {
        return events.stream().filter(io.kelvin.core.alarm.ConditionEvent.class::isInstance)
                .map(io.kelvin.core.alarm.ConditionEvent.class::cast)
                .filter(e -> e.conditionName().equals(condition.condition())).toList();
    }

    @Override
    public void close() {
        disconnect();
        twin.close();
    }
}
