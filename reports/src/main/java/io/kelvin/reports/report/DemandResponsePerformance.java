package io.kelvin.reports.report;

import io.kelvin.core.dr.DrEventStatus;
import io.kelvin.core.dr.DrEventStore;
import io.kelvin.core.dr.DrSignal;
import io.kelvin.core.dr.DrState;
import io.kelvin.core.dr.DrTransition;
import io.kelvin.core.site.Meter;
import io.kelvin.core.site.MeterRole;
import io.kelvin.core.site.Site;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.TelemetryStore;
import io.kelvin.greenpower.dr.baseline.Baseline;
import io.kelvin.greenpower.dr.baseline.EventPerformance;
import io.kelvin.reports.period.ReportPeriod;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The demand-response performance section: every event with an import cap in force in the period
 * (from the {@link DrEventStore}), each cap interval's delivered versus requested curtailment against
 * the CAISO 10-in-10 baseline over the site's GRID_IMPORT meters, the energy drawn above the cap,
 * whether the cap was kept, and the totals. The figures are green-power's {@link EventPerformance} (the
 * DR view shows the same); this class lays them out as the report's table.
 */
final class DemandResponsePerformance {

    /** The baseline and metering step (the VEN's report step). */
    static final Duration STEP = EventPerformance.STEP;
    static final String BASELINE = "CAISO 10-in-10";

    static final List<String> HEADER = List.of("Event", "Program", "State", "Start", "End", "Cap kW", "Baseline kW",
            "Actual kW", "Requested kWh", "Delivered kWh", "Delivered %", "Above cap kWh", "Cap kept", "Measured %",
            "Baseline");

    private DemandResponsePerformance() {
    }

    static Section section(Optional<DrEventStore> source, TelemetryStore store, Site site, ReportPeriod period) {
        String title = Sections.DEMAND_RESPONSE;
        String noPart = "The site takes no part in demand response: its site file has no demandResponse section.";
        if (source.isEmpty()) {
            return Section.unavailable(title, site.demandResponse().isEmpty() ? noPart : "No source: this report was made "
                    + "without the state database that keeps the demand-response events.");
        }
        List<PointId> points = site.meters(MeterRole.GRID_IMPORT).stream().map(Meter::point).toList();
        DrEventStore events = source.get();
        Map<String, List<DrSignal.CapLimit>> capsByEvent = new TreeMap<>();
        List<DrEventStatus> statuses = new ArrayList<>();
        for (DrEventStatus status : events.all()) {
            List<DrSignal.CapLimit> caps = events.caps(status.ref().eventId()).stream()
                    .filter(c -> c.direction() == DrSignal.Direction.IMPORT).toList();
            if (!caps.isEmpty()) {
                capsByEvent.put(status.ref().eventId(), caps);
                statuses.add(status);
            }
        }
        statuses.sort(Comparator.comparing((DrEventStatus s) -> capsByEvent.get(s.ref().eventId()).getFirst().start())
                .thenComparing(s -> s.ref().eventId()));
        List<List<String>> rows = new ArrayList<>();
        Totals totals = new Totals();
        for (DrEventStatus status : statuses) {
            List<DrSignal.CapLimit> caps = capsByEvent.get(status.ref().eventId()).stream()
                    .filter(c -> c.start().isBefore(period.end()) && c.end().isAfter(period.start())).toList();
            if (caps.isEmpty()) {
                continue;
            }
            if (points.isEmpty()) {
                return Section.unavailable(title, "The site file declares no grid_import meter: the curtailment of "
                        + "demand-response events cannot be measured.");
            }
            Set<LocalDate> otherDays = EventPerformance.excludedDays(status.ref().eventId(), capsByEvent, period.zone());
            rows.addAll(event(status, caps, events.history(status.ref().eventId()), store, points, period, otherDays,
                    totals));
        }
        if (rows.isEmpty()) {
            return Section.unavailable(title, site.demandResponse().isEmpty() ? noPart
                    : "No demand-response event had an import cap in force in the period.");
        }
        rows.add(totals.row());
        return new Section(title, Optional.empty(), HEADER, rows);
    }

    private static List<List<String>> event(DrEventStatus status, List<DrSignal.CapLimit> caps, List<DrTransition> history,
            TelemetryStore store, List<PointId> points, ReportPeriod period, Set<LocalDate> otherDays, Totals totals) {
        EventPerformance.Result result = EventPerformance.measure(store, points, caps, period.zone(), otherDays);
        Baseline baseline = result.baseline();
        String state = state(status, history);
        String method = baseline.method() + " (" + baseline.days().size() + " days, adjustment "
                + number(baseline.adjustment(), 3) + (baseline.notes().isEmpty() ? "" : "; " + String.join("; ", baseline.notes()))
                + ")";
        String name = status.eventName() == null || status.eventName().equals(status.ref().eventId())
                ? status.ref().eventId() : status.ref().eventId() + " (" + status.eventName() + ")";
        List<List<String>> rows = new ArrayList<>();
        for (EventPerformance.Interval i : result.intervals()) {
            totals.add(i);
            rows.add(List.of(name, status.ref().programId(), state, local(period, i.start()), local(period, i.end()),
                    number(i.capKw(), 1),
                    i.baselineKw().isEmpty() ? "" : number(i.baselineKw().getAsDouble(), 1),
                    i.actualKw().isEmpty() ? "" : number(i.actualKw().getAsDouble(), 1),
                    number(i.requestedKwh(), 1), number(i.deliveredKwh(), 1),
                    i.requestedKwh() > 0 ? number(100 * i.deliveredKwh() / i.requestedKwh(), 1) : "",
                    number(i.aboveCapKwh(), 1), i.capKept().isEmpty() ? "not measured" : i.capKept().get() ? "yes" : "no",
                    number(100 * i.measuredShare(), 1), method));
        }
        return rows;
    }

    /** The event's state, and when the site's last decision was to opt out, who did and why. */
    private static String state(DrEventStatus status, List<DrTransition> history) {
        Optional<DrTransition> decision = history.stream().filter(t -> !t.isRefused())
                .filter(t -> t.to() == DrState.OPTED_OUT || t.to() == DrState.OPTED_IN).reduce((a, b) -> b);
        String state = status.state().name();
        if (decision.isPresent() && decision.get().to() == DrState.OPTED_OUT) {
            String why = decision.get().detail() == null || decision.get().detail().isBlank() ? "" : ": " + decision.get().detail();
            return status.state() == DrState.OPTED_OUT ? state + " by " + decision.get().actor() + why
                    : state + ", opted out by " + decision.get().actor() + why;
        }
        return state;
    }

    private static String local(ReportPeriod period, Instant time) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(time.atZone(period.zone()));
    }

    private static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** The sums over every interval of the section. */
    private static final class Totals {
        private EventPerformance.Totals sums = EventPerformance.Totals.NONE;

        void add(EventPerformance.Interval interval) {
            sums = sums.plus(interval);
        }

        List<String> row() {
            return List.of("Total", "", "", "", "", "", "", "", number(sums.requestedKwh(), 1),
                    number(sums.deliveredKwh(), 1),
                    sums.requestedKwh() > 0 ? number(100 * sums.deliveredKwh() / sums.requestedKwh(), 1) : "",
                    number(sums.aboveCapKwh(), 1), sums.intervalsKept() + "/" + sums.intervals(),
                    number(100 * sums.measuredShare(), 1),
                    BASELINE + " over the grid_import meters, " + STEP.toMinutes() + "-minute steps");
        }
    }
}
