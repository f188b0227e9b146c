package io.kelvin.reports.report;

import io.kelvin.core.dr.Curtailment;
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
import io.kelvin.greenpower.dr.baseline.Baselines;
import io.kelvin.greenpower.dr.baseline.Curtailments;
import io.kelvin.greenpower.dr.baseline.LoadHistory;
import io.kelvin.greenpower.dr.baseline.StoredLoad;
import io.kelvin.reports.period.ReportPeriod;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The demand-response performance section: every event with an import cap in force in the period
 * (from the {@link DrEventStore}), each cap interval's delivered versus requested curtailment against
 * the CAISO 10-in-10 baseline over the site's GRID_IMPORT meters (green-power's {@link Baselines} and
 * {@link Curtailments} on the stored meter data, in {@link #STEP} steps, the days of the site's other
 * events excluded), the energy drawn above the cap, whether the cap was kept, and the totals.
 *
 * <p>Per interval: requested kWh = sum over measured steps of max(0, baseline - cap) x step; delivered
 * kWh = sum of (baseline - actual) x step; above cap kWh = sum of max(0, actual - cap) x step; the cap
 * is kept when no measured step's mean import exceeds it. A step without a measured import or baseline
 * counts nothing and lowers "Measured %".
 */
final class DemandResponsePerformance {

    /** The baseline and metering step (the VEN's report step). */
    static final Duration STEP = Duration.ofMinutes(15);
    static final String BASELINE = "CAISO 10-in-10";
    private static final Duration HISTORY = Duration.ofDays(Baselines.LOOKBACK_DAYS + 1);
    private static final double STEP_HOURS = STEP.toSeconds() / 3600.0;

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
            Set<LocalDate> otherDays = new HashSet<>();
            capsByEvent.forEach((id, other) -> {
                if (!id.equals(status.ref().eventId())) {
                    other.forEach(c -> otherDays.addAll(days(c, period)));
                }
            });
            // the event's own day is the day the baseline is for, not a day to leave out (that would make it a holiday)
            capsByEvent.get(status.ref().eventId()).forEach(c -> days(c, period).forEach(otherDays::remove));
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
        Instant start = caps.stream().map(DrSignal.CapLimit::start).min(Comparator.naturalOrder()).orElseThrow();
        Instant end = caps.stream().map(DrSignal.CapLimit::end).max(Comparator.naturalOrder()).orElseThrow();
        LoadHistory load = StoredLoad.read(store, points, start.minus(HISTORY), end, STEP);
        Baseline baseline = Baselines.caiso10in10(load, start, end, period.zone(), otherDays);
        List<Curtailment> steps = Curtailments.perInterval(baseline, load, caps);
        String state = state(status, history);
        String method = baseline.method() + " (" + baseline.days().size() + " days, adjustment "
                + number(baseline.adjustment(), 3) + (baseline.notes().isEmpty() ? "" : "; " + String.join("; ", baseline.notes()))
                + ")";
        String name = status.eventName() == null || status.eventName().equals(status.ref().eventId())
                ? status.ref().eventId() : status.ref().eventId() + " (" + status.eventName() + ")";
        List<List<String>> rows = new ArrayList<>();
        for (DrSignal.CapLimit cap : caps) {
            List<Curtailment> in = steps.stream()
                    .filter(c -> !c.start().isBefore(cap.start()) && !c.end().isAfter(cap.end())).toList();
            long expected = Math.max(1, Duration.between(cap.start(), cap.end()).toSeconds() / STEP.toSeconds());
            double requested = 0;
            double delivered = 0;
            double above = 0;
            boolean kept = true;
            for (Curtailment c : in) {
                requested += Math.max(0, c.baselineKw() - cap.kw()) * STEP_HOURS;
                delivered += c.deliveredKw() * STEP_HOURS;
                above += Math.max(0, c.actualKw() - cap.kw()) * STEP_HOURS;
                kept &= c.actualKw() <= cap.kw();
            }
            double measured = Math.min(1, in.size() / (double) expected);
            totals.add(requested, delivered, above, in.isEmpty() ? Optional.empty() : Optional.of(kept), in.size(), expected);
            rows.add(List.of(name, status.ref().programId(), state, local(period, cap.start()), local(period, cap.end()),
                    number(cap.kw(), 1),
                    in.isEmpty() ? "" : number(in.stream().mapToDouble(Curtailment::baselineKw).average().orElseThrow(), 1),
                    in.isEmpty() ? "" : number(in.stream().mapToDouble(Curtailment::actualKw).average().orElseThrow(), 1),
                    number(requested, 1), number(delivered, 1), requested > 0 ? number(100 * delivered / requested, 1) : "",
                    number(above, 1), in.isEmpty() ? "not measured" : kept ? "yes" : "no", number(100 * measured, 1),
                    method));
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

    private static List<LocalDate> days(DrSignal.CapLimit cap, ReportPeriod period) {
        List<LocalDate> days = new ArrayList<>();
        LocalDate last = cap.end().minusNanos(1).atZone(period.zone()).toLocalDate();
        for (LocalDate d = cap.start().atZone(period.zone()).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }

    private static String local(ReportPeriod period, Instant time) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(time.atZone(period.zone()));
    }

    private static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** The sums over every interval of the section. */
    private static final class Totals {
        private double requested;
        private double delivered;
        private double above;
        private int intervals;
        private int kept;
        private long measuredSteps;
        private long expectedSteps;

        void add(double requested, double delivered, double above, Optional<Boolean> kept, int measured, long expected) {
            this.requested += requested;
            this.delivered += delivered;
            this.above += above;
            intervals++;
            if (kept.orElse(false)) {
                this.kept++;
            }
            measuredSteps += measured;
            expectedSteps += expected;
        }

        List<String> row() {
            return List.of("Total", "", "", "", "", "", "", "", number(requested, 1), number(delivered, 1),
                    requested > 0 ? number(100 * delivered / requested, 1) : "", number(above, 1),
                    kept + "/" + intervals, number(100 * Math.min(1, measuredSteps / (double) expectedSteps), 1),
                    BASELINE + " over the grid_import meters, " + STEP.toMinutes() + "-minute steps");
        }
    }
}
