package io.kelvin.reports.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.reporting.PlanOutcomeHistory;
import io.kelvin.reports.period.PeriodParser;
import io.kelvin.reports.period.ReportPeriod;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The optimizer savings section: without a source it says so; with one (a stand-in for the adapter
 * the web-ui will wire) it shows the source's numbers, computed by its records.
 */
class SectionsTest {

    private static final ReportPeriod MARCH = PeriodParser.named("2026-03", ZoneId.of("Asia/Shanghai"));

    @Test
    void withoutASourceTheSavingsSectionSaysWhyItIsEmpty() {
        assertThat(Sections.savings(Optional.empty(), MARCH).unavailable()).get().asString().startsWith("No source yet");
    }

    @Test
    void aPlanOutcomeShowsItsSavingAgainstTheBaseline() {
        PlanOutcomeHistory source = (from, to) -> List.of(new PlanOutcomeHistory.PlanOutcome("job-7", Optional.of("team-a"),
                120, 118.5, 14.2, 19.9, 60, 66, "run-immediately"));

        Section section = Sections.savings(Optional.of(source), MARCH);

        // saving = baseline cost - plan cost = 19.90 - 14.20
        assertThat(section.rows()).containsExactly(List.of("job-7", "team-a", "120.0", "118.5", "14.20", "19.90", "5.70",
                "60.0", "66.0", "run-immediately"));
    }
}
