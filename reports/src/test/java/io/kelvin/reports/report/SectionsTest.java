package io.kelvin.reports.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.reporting.PlanOutcomeHistory;
import io.kelvin.reports.period.PeriodParser;
import io.kelvin.reports.period.ReportPeriod;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The optimizer savings section: without a source or without runs it says so; with one it adds up its jobs. */
class SectionsTest {

    private static final ReportPeriod MARCH = PeriodParser.named("2026-03", ZoneId.of("Asia/Shanghai"));

    @Test
    void withoutASourceTheSavingsSectionSaysWhyItIsEmpty() {
        assertThat(Sections.savings(Optional.empty(), MARCH).unavailable()).get().asString().startsWith("No source");
    }

    @Test
    void aPeriodWithoutDispatchedJobsSaysSoAndStillStatesTheMethod() {
        Section section = Sections.savings(Optional.of((from, to) -> List.of()), MARCH);

        assertThat(section.unavailable()).get().asString().startsWith("No job was dispatched");
        assertThat(section.notes()).isNotEmpty();
    }

    @Test
    void aPlanOutcomeShowsItsSavingAgainstTheBaselineWithItsProjectSubtotalAndTheTotal() {
        PlanOutcomeHistory source = (from, to) -> List.of(new PlanOutcomeHistory.PlanOutcome("job-7", Optional.of("team-a"),
                8, 120, 118.5, 14.2, 60, 120, 19.9, 66, "run-immediately"));

        Section section = Sections.savings(Optional.of(source), MARCH);

        // saving = baseline - planned: 19.90 - 14.20 EUR, 66.0 - 60.0 kg
        List<String> job = List.of("job-7", "team-a", "8", "120.0", "118.5", "14.20", "120.0", "19.90", "5.70", "60.0",
                "66.0", "6.0", "run-immediately");
        assertThat(section.rows()).containsExactly(job,
                List.of("Subtotal (1 jobs)", "team-a", "8", "120.0", "118.5", "14.20", "120.0", "19.90", "5.70", "60.0",
                        "66.0", "6.0", "run-immediately"),
                List.of("Total (1 jobs)", "", "8", "120.0", "118.5", "14.20", "120.0", "19.90", "5.70", "60.0",
                        "66.0", "6.0", "run-immediately"));
    }
}
