package io.kelvin.greenpower.dr;

import io.kelvin.core.dr.DrSignal;
import io.kelvin.core.dr.EventRef;
import io.kelvin.core.site.DemandResponse;
import io.kelvin.greenpower.dr.oadr.Event;
import io.kelvin.greenpower.dr.oadr.PayloadDescriptor;
import io.kelvin.greenpower.dr.oadr.Program;
import io.kelvin.greenpower.dr.oadr.ValuesMap;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the payloads of placed intervals into the signals the site acts on. Units come from the
 * event's payload descriptor, else the program's (User Guide 7.6); capacity limits must be in KW (the
 * only power unit of the units enumeration Kelvin plans in; a limit without units is read as KW and
 * noted). SIMPLE levels and grid emergencies become import caps from the site file's program mapping.
 * PRICE, EXPORT_PRICE and GHG with several values split their interval evenly (User Guide 7.3).
 */
final class PayloadMapper {

    private final Program program;
    private final Event event;
    private final DemandResponse.Program mapping;
    private final EventRef ref;
    private final List<String> problems;
    private final List<String> notes;

    PayloadMapper(Program program, Event event, DemandResponse.Program mapping, EventRef ref, List<String> problems,
                  List<String> notes) {
        this.program = program;
        this.event = event;
        this.mapping = mapping;
        this.ref = ref;
        this.problems = problems;
        this.notes = notes;
    }

    List<DrSignal> signals(List<TimedInterval> intervals) {
        List<DrSignal> signals = new ArrayList<>();
        for (TimedInterval interval : intervals) {
            for (ValuesMap payload : interval.payloads()) {
                map(interval, payload, signals);
            }
        }
        return signals;
    }

    private void map(TimedInterval interval, ValuesMap payload, List<DrSignal> out) {
        Instant start = interval.start();
        Instant end = interval.end();
        switch (payload.type()) {
            case "IMPORT_CAPACITY_LIMIT" -> kw(payload).ifPresent(kw ->
                    out.add(new DrSignal.CapLimit(ref, start, end, DrSignal.Direction.IMPORT, kw, mapping.hard(), payload.type())));
            case "EXPORT_CAPACITY_LIMIT" -> kw(payload).ifPresent(kw ->
                    out.add(new DrSignal.CapLimit(ref, start, end, DrSignal.Direction.EXPORT, kw, mapping.hard(), payload.type())));
            case "PRICE", "EXPORT_PRICE" -> {
                String currency = descriptor(payload.type()).flatMap(PayloadDescriptor.ForEvent::currency).orElse("");
                split(interval, payload, (from, to, v) ->
                        out.add(new DrSignal.Price(ref, from, to, v, currency, payload.type().equals("EXPORT_PRICE"))));
            }
            case "GHG" -> split(interval, payload, (from, to, v) -> out.add(new DrSignal.Ghg(ref, from, to, v)));
            case "SIMPLE" -> simple(interval, payload, out);
            case "ALERT_GRID_EMERGENCY" -> {
                out.add(new DrSignal.GridAlert(ref, start, end, payload.type(), String.valueOf(payload.values().getFirst())));
                mapping.emergencyCapKw().ifPresentOrElse(
                        kw -> out.add(new DrSignal.CapLimit(ref, start, end, DrSignal.Direction.IMPORT, kw, true, payload.type())),
                        () -> noteOnce("ALERT_GRID_EMERGENCY: no emergencyCapKw for program '" + mapping.name()
                                + "' in the site file; the alert is shown, no cap is planned"));
            }
            default -> {
                if (payload.type().startsWith("ALERT_")) {
                    out.add(new DrSignal.GridAlert(ref, start, end, payload.type(), String.valueOf(payload.values().getFirst())));
                } else {
                    noteOnce("payload " + payload.type() + " is not acted on");
                }
            }
        }
    }

    private void simple(TimedInterval interval, ValuesMap payload, List<DrSignal> out) {
        int level = ((Number) payload.values().getFirst()).intValue();
        if (level == 0) {
            return;
        }
        Double kw = mapping.simpleLevelsKw().get(level);
        if (kw == null) {
            noteOnce("SIMPLE level " + level + " has no cap for program '" + mapping.name()
                    + "' (demandResponse.programs[].simpleLevelsKw in the site file); not acted on");
            return;
        }
        out.add(new DrSignal.CapLimit(ref, interval.start(), interval.end(), DrSignal.Direction.IMPORT, kw, mapping.hard(),
                "SIMPLE"));
    }

    private Optional<Double> kw(ValuesMap payload) {
        Optional<String> units = descriptor(payload.type()).flatMap(PayloadDescriptor.ForEvent::units);
        if (units.isEmpty()) {
            noteOnce(payload.type() + " has no units in its payload descriptor; read as KW");
        } else if (!units.get().equals("KW")) {
            problems.add("payloadDescriptors: " + payload.type() + " in " + units.get()
                    + " cannot be planned (Kelvin plans capacity limits in KW)");
            return Optional.empty();
        }
        return payload.number(0);
    }

    private Optional<PayloadDescriptor.ForEvent> descriptor(String type) {
        return event.descriptor(type).or(() -> program.eventDescriptor(type));
    }

    private interface Slice {
        void add(Instant from, Instant to, double value);
    }

    private static void split(TimedInterval interval, ValuesMap payload, Slice slice) {
        int n = payload.values().size();
        if (interval.end().equals(Instant.MAX)) {
            slice.add(interval.start(), interval.end(), ((Number) payload.values().getFirst()).doubleValue());
            return;
        }
        Duration part = Duration.between(interval.start(), interval.end()).dividedBy(n);
        for (int k = 0; k < n; k++) {
            Instant from = interval.start().plus(part.multipliedBy(k));
            Instant to = k == n - 1 ? interval.end() : from.plus(part);
            slice.add(from, to, ((Number) payload.values().get(k)).doubleValue());
        }
    }

    private void noteOnce(String note) {
        if (!notes.contains(note)) {
            notes.add(note);
        }
    }
}
