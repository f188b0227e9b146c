package io.kelvin.collectors.modbus;

import io.kelvin.core.site.PointDef;
import io.kelvin.core.site.PollClass;
import io.kelvin.core.site.Register;
import io.kelvin.core.site.RegisterType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The reads that cover a device's Modbus points. Points are grouped by table and poll class, sorted
 * by address, and neighbours are merged into one request while the hole between them is at most
 * {@code maxGap} registers (bits) and the request stays within the protocol limit: 125 registers
 * for FC03/FC04, 2000 bits for FC01/FC02 (Modbus Application Protocol v1.1b3, clauses 6.1-6.4).
 * Pure: no I/O.
 */
public final class ModbusReadPlan {

    public static final int MAX_REGISTERS = 125;
    public static final int MAX_BITS = 2000;
    public static final int DEFAULT_MAX_GAP = 8;

    private final Map<PollClass, List<ReadRequest>> requests;

    private ModbusReadPlan(Map<PollClass, List<ReadRequest>> requests) {
        this.requests = requests;
    }

    /** The plan for the Modbus points of {@code points} (points without a register are skipped). */
    public static ModbusReadPlan of(List<PointDef> points) {
        return of(points, DEFAULT_MAX_GAP);
    }

    public static ModbusReadPlan of(List<PointDef> points, int maxGap) {
        if (maxGap < 0) {
            throw new IllegalArgumentException("maxGap must be >= 0, was " + maxGap);
        }
        Map<PollClass, List<ReadRequest>> byClass = new EnumMap<>(PollClass.class);
        for (PollClass pollClass : PollClass.values()) {
            List<ReadRequest> merged = new ArrayList<>();
            for (RegisterType type : RegisterType.values()) {
                List<PointDef> group = points.stream()
                        .filter(p -> p.pollClass() == pollClass)
                        .filter(p -> p.register().map(r -> r.type() == type).orElse(false))
                        .sorted(Comparator.comparingInt((PointDef p) -> p.register().orElseThrow().address()))
                        .toList();
                merged.addAll(merge(type, pollClass, group, maxGap));
            }
            if (!merged.isEmpty()) {
                byClass.put(pollClass, List.copyOf(merged));
            }
        }
        return new ModbusReadPlan(byClass);
    }

    private static List<ReadRequest> merge(RegisterType type, PollClass pollClass, List<PointDef> sorted, int maxGap) {
        int limit = type.isBit() ? MAX_BITS : MAX_REGISTERS;
        List<ReadRequest> result = new ArrayList<>();
        List<PointDef> current = new ArrayList<>();
        int start = 0;
        int end = 0;
        for (PointDef point : sorted) {
            Register register = point.register().orElseThrow();
            int pointEnd = register.address() + register.count();
            boolean fits = !current.isEmpty()
                    && register.address() - end <= maxGap
                    && Math.max(end, pointEnd) - start <= limit;
            if (!fits && !current.isEmpty()) {
                result.add(new ReadRequest(type, pollClass, start, end - start, current));
                current = new ArrayList<>();
            }
            if (current.isEmpty()) {
                start = register.address();
                end = pointEnd;
            }
            current.add(point);
            end = Math.max(end, pointEnd);
        }
        if (!current.isEmpty()) {
            result.add(new ReadRequest(type, pollClass, start, end - start, current));
        }
        return result;
    }

    /** The requests of one poll class, tables in {@link RegisterType} order, addresses ascending. */
    public List<ReadRequest> requests(PollClass pollClass) {
        return requests.getOrDefault(pollClass, List.of());
    }

    /** The poll classes that have at least one request. */
    public List<PollClass> pollClasses() {
        return List.copyOf(requests.keySet());
    }

    public List<ReadRequest> all() {
        return requests.values().stream().flatMap(List::stream).toList();
    }
}
