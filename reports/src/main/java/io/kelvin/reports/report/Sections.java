package io.kelvin.reports.report;

import io.kelvin.core.reporting.PlanOutcomeHistory;
import io.kelvin.reports.period.ReportPeriod;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The titles of the report sections whose data lives outside the telemetry store, and the optimizer savings section. */
final class Sections {

    static final String DEMAND_RESPONSE = "Demand-response performance";
    static final String SAVINGS = "Optimizer savings";

    private Sections() {
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

    private static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
