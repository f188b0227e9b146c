package io.kelvin.collectors.modbus;

import io.kelvin.core.site.AddressBase;
import io.kelvin.core.site.ModbusQuirks;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.site.PollClass;
import io.kelvin.core.site.PollIntervals;
import io.kelvin.core.site.Register;
import io.kelvin.core.site.RegisterType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The reads that cover a device's Modbus points. Points are grouped by poll interval and table, sorted
 * by address, and neighbours are merged into one request while the hole between them is at most
 * {@code maxGap} registers (bits) and the request stays within the limit: the device's
 * {@code maxRegisters} (at most 125 for FC03/FC04), 2000 bits for FC01/FC02 (Modbus Application
 * Protocol v1.1b3, clauses 6.1-6.4). A point with a scale-factor register is read together with it.
 * With {@code onePointPerRequest} nothing is merged. Pure: no I/O.
 */
public final class ModbusReadPlan {

    public static final int MAX_REGISTERS = ModbusQuirks.PROTOCOL_MAX_REGISTERS;
    public static final int MAX_BITS = 2000;
    public static final int DEFAULT_MAX_GAP = ModbusQuirks.DEFAULT_MAX_GAP;

    private final Map<Duration, List<ReadRequest>> requests;

    private ModbusReadPlan(Map<Duration, List<ReadRequest>> requests) {
        this.requests = requests;
    }

    /** The plan for the Modbus points of {@code points} (points without a register are skipped), default intervals. */
    public static ModbusReadPlan of(List<PointDef> points) {
        return of(points, DEFAULT_MAX_GAP);
    }

    public static ModbusReadPlan of(List<PointDef> points, int maxGap) {
        if (maxGap < 0) {
            throw new IllegalArgumentException("maxGap must be >= 0, was " + maxGap);
        }
        ModbusQuirks quirks = new ModbusQuirks(MAX_REGISTERS, maxGap, Duration.ZERO, AddressBase.ZERO, false, false,
                Optional.empty());
        return of(points, PollIntervals.DEFAULTS::of, quirks);
    }

    /** The plan with each point read every {@code interval.apply(point)}, merged as {@code quirks} allow. */
    public static ModbusReadPlan of(List<PointDef> points, Function<PointDef, Duration> interval, ModbusQuirks quirks) {
        Map<Duration, List<PointDef>> byInterval = points.stream().filter(p -> p.register().isPresent())
                .collect(Collectors.groupingBy(interval, TreeMap::new, Collectors.toList()));
        Map<Duration, List<ReadRequest>> plan = new TreeMap<>();
        byInterval.forEach((every, group) -> {
            List<ReadRequest> merged = new ArrayList<>();
            for (RegisterType type : RegisterType.values()) {
                List<PointDef> sorted = group.stream()
                        .filter(p -> p.register().orElseThrow().type() == type)
                        .sorted(Comparator.comparingInt((PointDef p) -> p.register().orElseThrow().spanStart()))
                        .toList();
                merged.addAll(merge(type, every, sorted, quirks));
            }
            plan.put(every, List.copyOf(merged));
        });
        return new ModbusReadPlan(plan);
    }

    private static List<ReadRequest> merge(RegisterType type, Duration interval, List<PointDef> sorted,
                                           ModbusQuirks quirks) {
        int limit = type.isBit() ? MAX_BITS : quirks.maxRegisters();
        List<ReadRequest> result = new ArrayList<>();
        List<PointDef> current = new ArrayList<>();
        int start = 0;
        int end = 0;
        for (PointDef point : sorted) {
            Register register = point.register().orElseThrow();
            int pointEnd = register.spanEnd();
            boolean fits = !current.isEmpty() && !quirks.onePointPerRequest()
                    && register.spanStart() - end <= quirks.maxGap()
                    && Math.max(end, pointEnd) - start <= limit;
            if (!fits && !current.isEmpty()) {
                result.add(new ReadRequest(type, interval, start, end - start, current));
                current = new ArrayList<>();
            }
            if (current.isEmpty()) {
                start = register.spanStart();
                end = pointEnd;
            }
            current.add(point);
            end = Math.max(end, pointEnd);
        }
        if (!current.isEmpty()) {
            result.add(new ReadRequest(type, interval, start, end - start, current));
        }
        return result;
    }

    /** The requests read every {@code interval}, tables in {@link RegisterType} order, addresses ascending. */
    public List<ReadRequest> requests(Duration interval) {
        return requests.getOrDefault(interval, List.of());
    }

    /** The requests of a poll class at its default interval. */
    public List<ReadRequest> requests(PollClass pollClass) {
        return requests(pollClass.interval());
    }

    /** The distinct intervals that have at least one request, shortest first. */
    public List<Duration> intervals() {
        return List.copyOf(requests.keySet());
    }

    public List<ReadRequest> all() {
        return requests.values().stream().flatMap(List::stream).toList();
    }
}
