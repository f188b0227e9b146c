package io.kelvin.reports.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.dr.Curtailment;
import io.kelvin.core.reporting.DemandResponseHistory;
import io.kelvin.core.reporting.PlanOutcomeHistory;
import io.kelvin.reports.period.PeriodParser;
import io.kelvin.reports.period.ReportPeriod;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * The sections fed by sources outside the store: without a source they say so; with one (stand-ins
 * for the adapters the web-ui will wire) they show the source's numbers, computed by its records.
 */
class SectionsTest {

    private static final ReportPeriod MARCH = PeriodParser.named("2026-03", ZoneId.of("Asia/Shanghai"));

    @Test
    void withoutASourceTheSectionsSayWhyTheyAreEmpty() {
        assertThat(Sections.demandResponse(Optional.empty(), MARCH).unavailable()).get().asString()
                .startsWith("No source wired yet");
        assertThat(Sections.savings(Optional.empty(), MARCH).unavailable()).get().asString().startsWith("No source yet");
    }

    @Test
    void aDemandResponseEventShowsEachIntervalsRequestedAndDeliveredCurtailment() {
        Instant start = Instant.parse("2026-03-10T10:00:00Z");
        Curtailment hour = new Curtailment(start, start.plusSeconds(3600), 1000, 700, OptionalDouble.of(800));
        DemandResponseHistory source = (from, to) -> List.of(new DemandResponseHistory.DemandResponseEvent("ev-1", "grid-dr",
                "CAISO 10-in-10", List.of(hour), Optional.empty()));

        Section section = Sections.demandResponse(Optional.of(source), MARCH);

        // requested = baseline - cap = 200 kW; delivered = baseline - actual = 300 kW: 150 %
        assertThat(section.rows()).containsExactly(List.of("ev-1", "grid-dr", "2026-03-10T18:00", "2026-03-10T19:00",
                "1000.0", "700.0", "200.0", "300.0", "150.0", "CAISO 10-in-10", ""));
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
