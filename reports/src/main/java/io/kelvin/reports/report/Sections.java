package io.kelvin.reports.report;

import io.kelvin.core.dr.Curtailment;
import io.kelvin.core.reporting.DemandResponseHistory;
import io.kelvin.core.reporting.PlanOutcomeHistory;
import io.kelvin.reports.period.ReportPeriod;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The report sections whose data lives outside the telemetry store: demand response and optimizer savings. */
final class Sections {

    static final String DEMAND_RESPONSE = "Demand-response performance";
    static final String SAVINGS = "Optimizer savings";

    private Sections() {
    }

    static Section demandResponse(Optional<DemandResponseHistory> source, ReportPeriod period) {
        if (source.isEmpty()) {
            return Section.unavailable(DEMAND_RESPONSE, "No source wired yet: demand-response events and their "
                    + "measured curtailment (green-power) do not reach reports until an adapter of the "
                    + "DemandResponseHistory port is wired.");
        }
        List<List<String>> rows = new ArrayList<>();
        for (DemandResponseHistory.DemandResponseEvent e : source.get().events(period.start(), period.end())) {
            for (Curtailment c : e.intervals()) {
                rows.add(List.of(e.eventId(), e.program(), local(period, c.start()), local(period, c.end()),
                        number(c.baselineKw(), 1), number(c.actualKw(), 1), number(c.requestedKw(), 1),
                        number(c.deliveredKw(), 1), c.performance().isPresent() ? number(100 * c.performance().getAsDouble(), 1)
                        : "", e.baseline(), e.optedOut().map(r -> "opted out: " + r).orElse("")));
            }
        }
        return new Section(DEMAND_RESPONSE, Optional.empty(), List.of("Event", "Program", "Start", "End", "Baseline kW",
                "Actual kW", "Requested kW", "Delivered kW", "Delivered %", "Baseline method", "Note"), rows);
    }

    static Section savings(Optional<PlanOutcomeHistory> source, ReportPeriod period) {
        if (source.isEmpty()) {
            return Section.unavailable(SAVINGS, "No source yet: the optimizer's plans are kept in the dashboard's "
                    + "database and no adapter reads them for reports.");
        }
        List<List<String>> rows = new ArrayList<>();
        for (PlanOutcomeHistory.PlanOutcome o : source.get().outcomes(period.start(), period.end())) {
            rows.add(List.of(o.jobId(), o.tenant().orElse(""), number(o.plannedKwh(), 1), number(o.meteredKwh(), 1),
                    number(o.planCost(), 2), number(o.baselineCost(), 2), number(o.baselineCost() - o.planCost(), 2),
                    number(o.planCo2Kg(), 1), number(o.baselineCo2Kg(), 1), o.baseline()));
        }
        return new Section(SAVINGS, Optional.empty(), List.of("Job", "Tenant", "Planned kWh", "Metered kWh", "Plan cost",
                "Baseline cost", "Saving", "Plan kg CO2e", "Baseline kg CO2e", "Baseline"), rows);
    }

    private static String local(ReportPeriod period, java.time.Instant time) {
        return time.atZone(period.zone()).toLocalDateTime().toString();
    }

    private static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
