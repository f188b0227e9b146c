package io.kelvin.simulator.modbus;

import com.ghgande.j2mod.modbus.procimg.IllegalAddressException;
import io.kelvin.core.control.SetpointRejectedException;
import io.kelvin.core.modbus.RegisterCodec;
import io.kelvin.core.site.Device;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.site.Register;
import io.kelvin.core.site.RegisterType;
import io.kelvin.core.site.ValueRange;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.simulator.SetpointSink;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The register map of one device, from its profile: where each point lives, how it is encoded
 * ({@link RegisterCodec#encode}), which words are setpoints, plus fixed words such as the SunSpec
 * frame. Accepted setpoint writes go to the twin through the {@link SetpointSink}.
 */
final class UnitRegisters {

    private static final Logger LOG = LoggerFactory.getLogger(UnitRegisters.class);

    private final Device device;
    private final List<PointDef> points;
    private final Map<Integer, Integer> fixedHoldingWords;
    private final SetpointSink sink;
    private final Set<String> encodeFailuresLogged = ConcurrentHashMap.newKeySet();

    UnitRegisters(Device device, SetpointSink sink) {
        this.device = device;
        this.points = device.profile().points().stream().filter(p -> p.register().isPresent()).toList();
        this.fixedHoldingWords = SunSpecFrame.appliesTo(device) ? SunSpecFrame.words(device) : Map.of();
        this.sink = sink;
    }

    /** An empty table spanning every address the profile (and fixed words) use in {@code type}. */
    WordTable table(RegisterType type) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (PointDef point : points) {
            Register register = point.register().orElseThrow();
            if (register.type() == type) {
                min = Math.min(min, register.address());
                max = Math.max(max, register.address() + register.count() - 1);
            }
        }
        if (type == RegisterType.HOLDING) {
            for (int address : fixedHoldingWords.keySet()) {
                min = Math.min(min, address);
                max = Math.max(max, address);
            }
        }
        if (min > max) {
            return WordTable.empty();
        }
        WordTable table = new WordTable(min, max - min + 1);
        if (type == RegisterType.HOLDING) {
            fixedHoldingWords.forEach((address, word) -> table.publish(address, new int[] {word}));
        }
        return table;
    }

    /** Encodes every value into its table and commits it. */
    void publish(Map<String, Double> values, Map<RegisterType, WordTable> tables) {
        for (PointDef point : points) {
            Double value = values.get(point.name());
            if (value == null) {
                continue;
            }
            Register register = point.register().orElseThrow();
            WordTable table = tables.get(register.type());
            try {
                int current = table.get(register.address());
                table.publish(register.address(), RegisterCodec.encode(register, value, current));
            } catch (IllegalArgumentException e) {
                if (encodeFailuresLogged.add(point.name())) {
                    LOG.warn("{}.{} = {} does not fit its register: {}", device.id(), point.name(), value, e.getMessage());
                }
            }
        }
    }

    /** The setpoint point that owns {@code address} in {@code type}, if any. */
    Optional<PointDef> setpointAt(RegisterType type, int address) {
        return points.stream().filter(PointDef::isWritable).filter(p -> {
            Register r = p.register().orElseThrow();
            return r.type() == type && address >= r.address() && address < r.address() + r.count();
        }).findFirst();
    }

    /**
     * After a wire write to {@code address}: when it completes the point (its last word), decodes the
     * point and hands it to the twin; a refused value rolls the point's words back and answers with
     * exception code 02.
     */
    void applyIfComplete(PointDef point, int address, WordTable table) {
        Register register = point.register().orElseThrow();
        int last = register.address() + register.count() - 1;
        if (address != last) {
            return;
        }
        double value = snapToLimits(RegisterCodec.decode(register, table.get(register.address(), register.count()), 0),
                point.setpoint().orElseThrow());
        try {
            sink.write(PointId.of(device.id(), point.name()), value);
            table.commit(register.address(), register.count());
        } catch (SetpointRejectedException e) {
            table.rollback(register.address(), register.count());
            throw new IllegalAddressException(e.getMessage());
        }
    }

    /** Scaled integers land a rounding error beyond a limit (300 x 0.1 = 30.000000000000004); snap those. */
    private static double snapToLimits(double value, ValueRange limits) {
        double tolerance = 1e-9 * Math.max(1.0, Math.abs(value));
        if (Math.abs(value - limits.min()) <= tolerance) {
            return limits.min();
        }
        if (Math.abs(value - limits.max()) <= tolerance) {
            return limits.max();
        }
        return value;
    }
}
