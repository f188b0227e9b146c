package io.kelvin.collectors.modbus;

import io.kelvin.collectors.DeviceLink;
import io.kelvin.collectors.HealthTracker;
import io.kelvin.core.retry.Backoff;
import io.kelvin.collectors.SampleRules;
import io.kelvin.core.control.SetpointRejectedException;
import io.kelvin.core.device.DeviceHealth;
import io.kelvin.core.device.DeviceInfo;
import io.kelvin.core.control.WriteFailedException;
import io.kelvin.core.modbus.RegisterCodec;
import io.kelvin.core.modbus.sunspec.ModelHeader;
import io.kelvin.core.modbus.sunspec.SunSpecLayout;
import io.kelvin.core.site.Device;
import io.kelvin.core.site.Discovery;
import io.kelvin.core.site.ModbusQuirks;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.site.Register;
import io.kelvin.core.site.RegisterType;
import io.kelvin.core.telemetry.Sample;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Modbus device (a unit id on a shared connection): its read plan, its health, its circuit
 * breaker, and its writes. Reads and writes run on the connection's thread. Every failed request
 * yields COMM_FAILED with NaN for its points and a readable last error naming unit, table and
 * addresses; requests skipped while the breaker is open count as unanswered, so the device stays DOWN.
 *
 * <p>Text points (strings such as a serial number) are device information, not samples: the newest
 * text of each is in {@link #deviceInfo()}. A profile with {@code discover: sunspec} has no plan until
 * {@link #discover} has found the device's SunSpec models; discovery facts (base address, models,
 * models skipped) are device information too, under keys starting with {@code sunspec.}.
 */
public final class ModbusDevice implements DeviceLink {

    static final String DISCOVERY_KEY = "sunspec-discovery";
    private static final Logger LOG = LoggerFactory.getLogger(ModbusDevice.class);

    private final Device device;
    private final HealthTracker health;
    private final ModbusConnection connection;
    private final UnitBreaker breaker;
    private final Backoff discoveryBackoff;
    private final Map<String, String> info = new ConcurrentHashMap<>();
    private volatile ModbusReadPlan plan;
    private HealthTracker.Failure lastNoAnswer = new HealthTracker.Failure("no answer", "");

    ModbusDevice(Device device, ModbusConnection connection, UnitBreaker breaker, Backoff discoveryBackoff,
                 InstantSource clock) {
        this.device = device;
        this.plan = planFor(device.profile().points());
        this.health = new HealthTracker(device.id(), clock);
        this.connection = connection;
        this.breaker = breaker;
        this.discoveryBackoff = discoveryBackoff;
    }

    private ModbusReadPlan planFor(List<PointDef> points) {
        return ModbusReadPlan.of(points, device.profile()::interval, device.profile().modbus());
    }

    boolean needsDiscovery() {
        return device.profile().discovery() == Discovery.SUNSPEC;
    }

    ModbusQuirks quirks() {
        return device.profile().modbus();
    }

    /**
     * Finds the device's SunSpec models and plans their points. Returns the wait before the next try
     * when it failed (health then says why), empty when the plan is ready. Never throws.
     */
    Optional<Duration> discover(ModbusConnection link) {
        Instant at = link.clock().instant();
        HealthTracker.Failure failure;
        if (!link.ensureConnected()) {
            failure = link.down();
        } else {
            try {
                link.io().useTimeout(link.timeoutFor(this));
                SunSpecDiscovery.Chain chain = SunSpecDiscovery.discover((address, count) -> {
                    link.pauseBefore(quirks().requestPause());
                    try {
                        return link.io().readWords(RegisterType.HOLDING, device.unitId(), address, count);
                    } finally {
                        link.requestDone();
                    }
                });
                adopt(chain);
                health.readSucceeded(DISCOVERY_KEY, at);
                discoveryBackoff.reset();
                return Optional.empty();
            } catch (ModbusIoFailure e) {
                if (e.connectionLost()) {
                    link.dropConnection(e);
                }
                failure = new HealthTracker.Failure(e.code(), e.getMessage());
            } catch (SunSpecDiscovery.NotSunSpec e) {
                failure = new HealthTracker.Failure("no SunSpec map", e.getMessage());
            }
        }
        Duration wait = discoveryBackoff.next();
        health.readFailed(DISCOVERY_KEY, new HealthTracker.Failure(failure.code(), "SunSpec discovery on unit "
                + device.unitId() + " failed: " + failure.message() + "; next try in " + wait.toMillis() + " ms"));
        return Optional.of(wait);
    }

    private void adopt(SunSpecDiscovery.Chain chain) {
        SunSpecLayout.Placement placement = SunSpecLayout.place(chain.models());
        info.put("sunspec.base", Integer.toString(chain.base()));
        info.put("sunspec.models", chain.models().stream().map(m -> m.id() + "@" + m.address())
                .collect(Collectors.joining(", ")));
        List<String> skipped = new ArrayList<>(placement.skipped());
        skipped.addAll(chain.notes());
        if (!skipped.isEmpty()) {
            info.put("sunspec.skipped", String.join("; ", skipped));
            LOG.warn("{}: SunSpec discovery left out: {}", device.id(), String.join("; ", skipped));
        }
        LOG.info("{}: SunSpec map at {} with models {}", device.id(), chain.base(),
                chain.models().stream().map(ModelHeader::id).toList());
        plan = planFor(placement.points());
    }

    /** Reads every request read at {@code interval}; a failed or skipped request yields COMM_FAILED for its points. */
    List<Sample> poll(Duration interval, ModbusConnection link) {
        List<Sample> samples = new ArrayList<>();
        for (ReadRequest request : plan.requests(interval)) {
            Instant at = link.clock().instant();
            if (!breaker.allows(link.nowNanos())) {
                unanswered(request, new HealthTracker.Failure(lastNoAnswer.code(), "skipped, unit " + device.unitId()
                        + " left " + UnitBreaker.OPEN_AFTER + " requests in a row unanswered (last: "
                        + lastNoAnswer.message() + "); next probe in " + breaker.untilProbe(link.nowNanos()).toMillis()
                        + " ms"), at, samples);
                continue;
            }
            if (!link.ensureConnected()) {
                unanswered(request, link.down(), at, samples);
                continue;
            }
            if (!link.pauseBefore(quirks().requestPause())) {
                break; // interrupted: the connection is closing
            }
            try {
                link.io().useTimeout(link.timeoutFor(this));
                List<Sample> read = read(link.io(), request, link.clock().instant());
                observe(request, read);
                samples.addAll(read);
                health.readSucceeded(key(request), at);
                breaker.answered();
            } catch (ModbusIoFailure e) {
                failed(request, e, link, at, samples);
            } finally {
                link.requestDone();
            }
        }
        return samples;
    }

    /**
     * The POLL_OVERRUN markers of skipped poll cycles of {@code interval}: every numeric point those
     * cycles would have read, at each cycle's grid time in {@code ticks}, collected at {@code at}.
     */
    List<Sample> overrunMarkers(Duration interval, List<Instant> ticks, Instant at) {
        List<PointDef> points = plan.requests(interval).stream().flatMap(r -> numeric(r).stream()).toList();
        List<Sample> markers = new ArrayList<>(points.size() * ticks.size());
        for (Instant tick : ticks) {
            markers.addAll(SampleRules.pollOverrun(device.id(), points, tick, at));
        }
        return markers;
    }

    private void failed(ReadRequest request, ModbusIoFailure e, ModbusConnection link, Instant at, List<Sample> into) {
        HealthTracker.Failure reason = new HealthTracker.Failure(e.code(), "unit " + device.unitId() + " "
                + request.type() + " " + request.start() + ".." + (request.end() - 1) + ": " + e.getMessage());
        if (e.answered()) {
            health.readRefused(key(request), reason);
            breaker.answered();
            commFailed(request, reason, at, into);
        } else {
            unanswered(request, reason, at, into);
        }
        if (e.kind() == ModbusIoFailure.Kind.NO_ANSWER) {
            lastNoAnswer = reason;
            breaker.unanswered(link.nowNanos());
        }
        if (e.connectionLost()) {
            link.dropConnection(e);
        }
    }

    private void unanswered(ReadRequest request, HealthTracker.Failure reason, Instant at, List<Sample> into) {
        health.readFailed(key(request), reason);
        commFailed(request, reason, at, into);
    }

    private void commFailed(ReadRequest request, HealthTracker.Failure reason, Instant at, List<Sample> into) {
        List<Sample> failedSamples = SampleRules.commFailed(device.id(), numeric(request), at);
        health.observe(failedSamples, Optional.of(reason.code()));
        into.addAll(failedSamples);
    }

    /** Each read value's quality for point health; a value outside the range says so. */
    private void observe(ReadRequest request, List<Sample> read) {
        for (Sample sample : read) {
            Optional<String> reason = request.points().stream().filter(p -> p.name().equals(sample.point().point()))
                    .findFirst().flatMap(p -> SampleRules.reason(p, sample));
            health.observe(sample, reason);
        }
    }

    private static List<PointDef> numeric(ReadRequest request) {
        return request.points().stream().filter(p -> !p.isText()).toList();
    }

    private List<Sample> read(ModbusIo io, ReadRequest request, Instant at) throws ModbusIoFailure {
        if (request.type().isBit()) {
            boolean[] bits = io.readBits(request.type(), device.unitId(), request.start(), request.count());
            return ModbusDecoder.fromBits(device.id(), request, bits, at);
        }
        int[] words = io.readWords(request.type(), device.unitId(), request.start(), request.count());
        return ModbusDecoder.fromWords(device.id(), request, words, at, info);
    }

    private static String key(ReadRequest request) {
        return request.type() + "@" + request.start() + "/" + request.interval().toMillis() + "ms";
    }

    @Override
    public double write(PointDef point, double value) {
        Register register = point.register()
                .orElseThrow(() -> new SetpointRejectedException(point.name() + " has no Modbus register"));
        if (!register.type().isWritable()) {
            throw new SetpointRejectedException(point.name() + " lives in the read-only " + register.type() + " table");
        }
        checkEncodable(register, value);
        String what = "write " + device.id() + "." + point.name();
        return connection.call(what, io -> writeAndReadBack(io, register, value, what));
    }

    private static void checkEncodable(Register register, double value) {
        try {
            RegisterCodec.encode(register, value, 0);
        } catch (IllegalArgumentException e) {
            throw new SetpointRejectedException("value " + value + " cannot be encoded: " + e.getMessage());
        }
    }

    private double writeAndReadBack(ModbusIo io, Register register, double value, String what)
            throws ModbusIoFailure {
        int unit = device.unitId();
        if (register.type() == RegisterType.COIL) {
            io.writeCoil(unit, register.address(), register.toRaw(value) != 0);
            double back = io.readBits(RegisterType.COIL, unit, register.address(), 1)[0] ? 1 : 0;
            return expectEqual(what, register.toEngineering(back), register.toEngineering(register.toRaw(value) != 0 ? 1 : 0));
        }
        int current = register.isBitField()
                ? io.readWords(RegisterType.HOLDING, unit, register.address(), 1)[0] : 0;
        int[] words = RegisterCodec.encode(register, value, current);
        io.writeWords(unit, register.address(), words);
        int[] back = io.readWords(RegisterType.HOLDING, unit, register.address(), words.length);
        return expectEqual(what, RegisterCodec.decode(register, back, 0), RegisterCodec.decode(register, words, 0));
    }

    /** The device must hold exactly what the registers can carry (the value after rounding to the raw step). */
    private static double expectEqual(String what, double readBack, double written) {
        if (Double.compare(readBack, written) != 0) {
            throw new WriteFailedException(what + ": read back " + readBack + " after writing " + written);
        }
        return readBack;
    }

    @Override
    public String deviceId() {
        return device.id();
    }

    @Override
    public DeviceHealth health() {
        return health.snapshot(DeviceInfo.from(deviceInfo(), needsDiscovery() ? "SunSpec common model 1"
                : "text points of profile " + device.profile().id(), device.profile().manufacturer(),
                device.profile().model()));
    }

    HealthTracker healthTracker() {
        return health;
    }

    public ModbusReadPlan plan() {
        return plan;
    }

    /** Text points and discovery facts, by name, sorted. */
    @Override
    public Map<String, String> deviceInfo() {
        return Collections.unmodifiableMap(new TreeMap<>(info));
    }
}
