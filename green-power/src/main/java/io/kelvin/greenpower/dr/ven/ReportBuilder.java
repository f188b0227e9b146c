package io.kelvin.greenpower.dr.ven;

import io.kelvin.core.dr.DrPlanOutcome;
import io.kelvin.core.dr.DrState;
import io.kelvin.greenpower.dr.TimedInterval;
import io.kelvin.greenpower.dr.oadr.Event;
import io.kelvin.greenpower.dr.oadr.Interval;
import io.kelvin.greenpower.dr.oadr.IntervalPeriod;
import io.kelvin.greenpower.dr.oadr.OadrDuration;
import io.kelvin.greenpower.dr.oadr.PayloadDescriptor;
import io.kelvin.greenpower.dr.oadr.Report;
import io.kelvin.greenpower.dr.oadr.ReportDescriptor;
import io.kelvin.greenpower.dr.oadr.ValuesMap;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Builds the reports an event's report descriptors ask for (User Guide 7.5). The descriptor's
 * intervals are {@code startInterval} (-1: from the first) and {@code numIntervals} (-1: all) of the
 * event's placed intervals, cut into reports of {@code frequency} intervals (-1: one report), at most
 * {@code repeat} of them (-1: all); each report is due when its last interval has ended (historical
 * reports; forecasts, {@code historical: false}, are not produced). Report intervals keep the event's
 * interval ids and carry their period. Supported payloads: USAGE and DELTA_USAGE (kWh), DEMAND,
 * BASELINE and READING (kW), OPERATING_STATE (from the event's lifecycle state; when the plan cannot keep the
 * event's caps ({@link ReportSource#shortfall}) the interval also carries Kelvin's privately defined payloads
 * {@value #SHORTFALL_KW} (peak kW above the cap), {@value #SHORTFALL_KWH} (kWh above it) and, when keeping it
 * would make jobs miss, {@value #JOBS_MISSED} (their ids) and {@value #SHORTFALL_PROVEN} (true when no plan can
 * keep the cap with every job on time)); a value whose data is
 * missing is left out and a DATA_QUALITY MISSING payload is added instead. Per resource, or one
 * AGGREGATED_REPORT resource summing them when {@code aggregate} is set.
 *
 * <p>Before the event starts, {@link #ahead} gives the OPERATING_STATE report that tells the VTN at once what the
 * plan cannot keep (one report over the descriptor's intervals, the same payloads), for an event whose descriptors
 * ask for OPERATING_STATE; the caller posts it when there is a shortfall and updates it when it changes or is gone.
 */
public final class ReportBuilder {

    /** A report that is due, with the key that makes sure it is sent once. */
    public record Due(String key, Report report) {
    }

    /**
     * The OPERATING_STATE report of an event that has not started: {@code key} stays the same for the event (the
     * report is posted once and then updated), {@code shortfall} is what the plan cannot keep now, if anything.
     */
    public record Ahead(String key, Report report, Optional<DrPlanOutcome.Shortfall> shortfall) {
    }

    /** Privately defined report payload types (the Definition allows them) that say what the plan cannot keep. */
    public static final String SHORTFALL_KW = "KELVIN_SHORTFALL_KW";
    public static final String SHORTFALL_KWH = "KELVIN_SHORTFALL_KWH";
    public static final String JOBS_MISSED = "KELVIN_JOBS_MISSED";
    public static final String SHORTFALL_PROVEN = "KELVIN_SHORTFALL_PROVEN";

    private static final List<String> SUPPORTED = List.of("USAGE", "DELTA_USAGE", "DEMAND", "BASELINE", "READING",
            "OPERATING_STATE");

    private final ReportSource source;
    private final String clientName;
    private final List<String> resources;

    public ReportBuilder(ReportSource source, String clientName, List<String> resources) {
        this.source = source;
        this.clientName = clientName;
        this.resources = List.copyOf(resources);
    }

    /** Payload types of {@code event}'s descriptors Kelvin cannot report. */
    public static List<String> unsupported(Event event) {
        return event.reportDescriptors().stream().map(ReportDescriptor::payloadType)
                .filter(t -> !SUPPORTED.contains(t)).distinct().toList();
    }

    /** Reports of {@code event} due at {@code now}; {@code state} is the event's lifecycle state. */
    public List<Due> due(Event event, List<TimedInterval> placed, DrState state, Instant now) {
        List<Due> due = new ArrayList<>();
        for (int d = 0; d < event.reportDescriptors().size(); d++) {
            ReportDescriptor descriptor = event.reportDescriptors().get(d);
            if (!descriptor.historical() || !SUPPORTED.contains(descriptor.payloadType())) {
                continue;
            }
            List<TimedInterval> selected = select(placed, descriptor);
            int size = descriptor.frequency() > 0 ? descriptor.frequency() : Math.max(1, selected.size());
            int chunks = (selected.size() + size - 1) / size;
            int limit = descriptor.repeat() < 0 ? chunks : Math.min(chunks, descriptor.repeat());
            for (int c = 0; c < limit; c++) {
                List<TimedInterval> chunk = selected.subList(c * size, Math.min(selected.size(), (c + 1) * size));
                if (!chunk.getLast().end().isAfter(now)) {
                    String key = event.id() + "@" + event.meta().modificationDateTime() + "#" + d + "#" + c;
                    due.add(new Due(key, report(event, descriptor, chunk, state)));
                }
            }
        }
        return due;
    }

    /**
     * The OPERATING_STATE report to send before {@code event} starts (its first placed interval begins after
     * {@code now}): over the intervals of its first OPERATING_STATE descriptor (historical or not: it states the
     * plan for them), each carrying the state and, when the plan cannot keep the caps, the shortfall payloads.
     * Empty when the event asks for no OPERATING_STATE, has no placed interval or has started.
     */
    public Optional<Ahead> ahead(Event event, List<TimedInterval> placed, DrState state, Instant now) {
        if (placed.isEmpty() || !now.isBefore(placed.getFirst().start())) {
            return Optional.empty();
        }
        for (int d = 0; d < event.reportDescriptors().size(); d++) {
            ReportDescriptor descriptor = event.reportDescriptors().get(d);
            if (!descriptor.payloadType().equals("OPERATING_STATE")) {
                continue;
            }
            List<TimedInterval> selected = select(placed, descriptor);
            if (selected.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Ahead(event.id() + "#ahead#" + d, report(event, descriptor, selected, state),
                    source.shortfall(event.id())));
        }
        return Optional.empty();
    }

    private static List<TimedInterval> select(List<TimedInterval> placed, ReportDescriptor descriptor) {
        int from = Math.max(0, descriptor.startInterval());
        if (from >= placed.size()) {
            return List.of();
        }
        int to = descriptor.numIntervals() < 0 ? placed.size() : Math.min(placed.size(), from + descriptor.numIntervals());
        return placed.subList(from, to);
    }

    private Report report(Event event, ReportDescriptor descriptor, List<TimedInterval> chunk, DrState state) {
        String type = descriptor.payloadType();
        List<Report.ResourceData> data = new ArrayList<>();
        if (descriptor.aggregate()) {
            data.add(new Report.ResourceData(Report.AGGREGATED_REPORT, Optional.empty(),
                    intervals(event.id(), type, resources, chunk, state)));
        } else {
            for (String resource : resources) {
                data.add(new Report.ResourceData(resource, Optional.empty(),
                        intervals(event.id(), type, List.of(resource), chunk, state)));
            }
        }
        return new Report(Optional.empty(), Optional.empty(), event.id(), clientName,
                Optional.of(type + " " + event.eventName().orElse(event.id())), List.of(descriptor(type)), data);
    }

    private List<Interval> intervals(String eventId, String type, List<String> names, List<TimedInterval> chunk,
                                     DrState state) {
        List<Interval> intervals = new ArrayList<>();
        for (TimedInterval interval : chunk) {
            Duration length = Duration.between(interval.start(), interval.end());
            IntervalPeriod period = IntervalPeriod.of(interval.start(), new OadrDuration(false, 0, 0, 0, length));
            intervals.add(new Interval(interval.id(), Optional.of(period),
                    payloads(eventId, type, names, interval, state, length)));
        }
        return intervals;
    }

    private List<ValuesMap> payloads(String eventId, String type, List<String> names, TimedInterval interval,
                                     DrState state, Duration length) {
        if (type.equals("OPERATING_STATE")) {
            List<ValuesMap> out = new ArrayList<>(List.of(ValuesMap.of(type, operatingState(state))));
            source.shortfall(eventId).ifPresent(s -> {
                out.add(ValuesMap.of(SHORTFALL_KW, s.peakKw()));
                out.add(ValuesMap.of(SHORTFALL_KWH, s.excessKwh()));
                if (!s.jobsMissed().isEmpty()) {
                    out.add(new ValuesMap(JOBS_MISSED, new ArrayList<Object>(s.jobsMissed())));
                }
                out.add(ValuesMap.of(SHORTFALL_PROVEN, s.proven()));
            });
            return out;
        }
        double hours = length.toMillis() / 3_600_000.0;
        OptionalDouble value = switch (type) {
            case "USAGE" -> sum(names, n -> source.demandKw(n, interval.start(), interval.end()), hours);
            case "DEMAND", "READING" -> sum(names, n -> source.demandKw(n, interval.start(), interval.end()), 1);
            case "BASELINE" -> sum(names, n -> source.baselineKw(n, eventId, interval.start(), interval.end()), 1);
            default -> delta(eventId, names, interval, hours);
        };
        if (value.isEmpty()) {
            return List.of(ValuesMap.of("DATA_QUALITY", "MISSING"));
        }
        // USAGE and DEMAND may not be negative (report-payloads.schema.yaml): export shows as 0.
        double v = type.equals("USAGE") || type.equals("DEMAND") ? Math.max(0, value.getAsDouble()) : value.getAsDouble();
        return List.of(ValuesMap.of(type, v), ValuesMap.of("DATA_QUALITY", "OK"));
    }

    private OptionalDouble delta(String eventId, List<String> names, TimedInterval interval, double hours) {
        OptionalDouble actual = sum(names, n -> source.demandKw(n, interval.start(), interval.end()), hours);
        OptionalDouble baseline = sum(names, n -> source.baselineKw(n, eventId, interval.start(), interval.end()), hours);
        return actual.isPresent() && baseline.isPresent()
                ? OptionalDouble.of(baseline.getAsDouble() - actual.getAsDouble()) : OptionalDouble.empty();
    }

    private static OptionalDouble sum(List<String> names, java.util.function.Function<String, OptionalDouble> kw,
                                      double factor) {
        double total = 0;
        for (String name : names) {
            OptionalDouble value = kw.apply(name);
            if (value.isEmpty()) {
                return OptionalDouble.empty();
            }
            total += value.getAsDouble();
        }
        return OptionalDouble.of(total * factor);
    }

    /** OPERATING_STATE values (Definition, Table 4) for the event's lifecycle state. */
    static String operatingState(DrState state) {
        return switch (state) {
            case OPTED_OUT -> "RUNNING_OPTED_OUT";
            case REPLANNED, ACTIVE, COMPLETED -> "RUNNING_CURTAILED";
            case RECEIVED, ACKNOWLEDGED, OPTED_IN, CANCELLED, SUPERSEDED -> "RUNNING_NORMAL";
        };
    }

    private static PayloadDescriptor.ForReport descriptor(String type) {
        Optional<String> units = switch (type) {
            case "USAGE", "DELTA_USAGE" -> Optional.of("KWH");
            case "DEMAND", "BASELINE", "READING" -> Optional.of("KW");
            default -> Optional.empty();
        };
        Optional<String> reading = switch (type) {
            case "USAGE", "DEMAND", "READING" -> Optional.of("DIRECT_READ");
            case "BASELINE", "DELTA_USAGE" -> Optional.of("ESTIMATED");
            default -> Optional.empty();
        };
        return new PayloadDescriptor.ForReport(type, reading, units, Optional.empty(), Optional.empty());
    }
}
