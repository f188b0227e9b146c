package io.kelvin.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.web.overview.PlanScreen;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The times the plan chart and its Gantt send to the browser, for a site whose clock changes inside the horizon. */
class ChartTimesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final int SLOT_MINUTES = 15;
    private static final long SLOT_MILLIS = SLOT_MINUTES * 60_000L;

    @Test
    void planChartTimesStayEvenlySpacedInstantsAcrossTheAutumnChangeAndMatchTheGantt() {
        // Europe/Berlin falls back from 03:00 CEST to 02:00 CET at 01:00 UTC on 2026-10-25: the wall clock repeats 02:xx.
        assertEvenlySpacedInstants(Instant.parse("2026-10-24T22:00:00Z"));
    }

    @Test
    void planChartTimesStayEvenlySpacedInstantsAcrossTheSpringChangeAndMatchTheGantt() {
        // Europe/Berlin springs forward from 02:00 CET to 03:00 CEST at 01:00 UTC on 2026-03-29: the wall clock skips 02:xx.
        assertEvenlySpacedInstants(Instant.parse("2026-03-28T22:00:00Z"));
    }

    private static void assertEvenlySpacedInstants(Instant start) {
        int slots = 6 * 4;
        List<Instant> starts = new ArrayList<>();
        for (int i = 0; i < slots; i++) {
            starts.add(start.plus(Duration.ofMinutes((long) SLOT_MINUTES * i)));
        }
        List<Double> kw = Collections.nCopies(slots, 100.0);
        PlanChart chart = new PlanChart();
        Instant now = start.plus(Duration.ofHours(3));
        chart.show(new PlanScreen.Horizon(starts, SLOT_MINUTES, kw, kw, kw, kw, kw, kw, kw, kw, kw, kw, kw, kw), BERLIN, now);
        JsonNode data = JSON.readTree(chart.getElement().getProperty("data"));

        assertThat(data.get("zone").asString()).isEqualTo("Europe/Berlin");
        assertThat(data.get("slotMillis").asLong()).isEqualTo(SLOT_MILLIS);
        JsonNode times = data.get("times");
        assertThat(times.size()).isEqualTo(slots);
        assertThat(times.get(0).asLong()).isEqualTo(start.toEpochMilli());
        for (int i = 1; i < slots; i++) {
            assertThat(times.get(i).asLong() - times.get(i - 1).asLong()).as("step to slot %d", i).isEqualTo(SLOT_MILLIS);
        }
        assertThat(data.get("now").asLong()).isEqualTo(now.toEpochMilli());

        // The Gantt spaces slots evenly from its start, so it agrees with the chart only if both count true instants.
        PlanGantt gantt = new PlanGantt();
        gantt.show(start, SLOT_MINUTES, slots, List.of(), BERLIN, now);
        JsonNode g = JSON.readTree(gantt.getElement().getProperty("data"));
        for (int i = 0; i < slots; i++) {
            assertThat(g.get("start").asLong() + i * g.get("slotMillis").asLong()).isEqualTo(times.get(i).asLong());
        }
    }
}
