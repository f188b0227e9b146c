package io.kelvin.greenpower.dr;

import static io.kelvin.greenpower.dr.DrFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.dr.DrDirective;
import io.kelvin.core.dr.DrSignal;
import io.kelvin.greenpower.dr.oadr.Event;
import io.kelvin.greenpower.dr.oadr.OadrReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventResolverTest {

    private final EventResolver resolver = new EventResolver("demo-aidc", Duration.ofHours(48));
    private final Instant now = T0.plus(Duration.ofHours(10));

    private static Event event(String period, String intervals, String extra) {
        return OadrReader.event("""
                {"id":"ev-1","createdDateTime":"2026-07-01T00:00:00Z","modificationDateTime":"2026-07-01T00:00:00Z",
                 "objectType":"EVENT","programID":"prog-1" %s %s, "intervals":[%s]}
                """.formatted(period.isEmpty() ? "" : ",\"intervalPeriod\":" + period, extra, intervals));
    }

    private static String payload(String type, String values) {
        return "\"payloads\":[{\"type\":\"" + type + "\",\"values\":[" + values + "]}]";
    }

    private DrDirective act(Event event) {
        Resolution r = resolver.resolve(DrFixtures.program(), event, DrFixtures.mapping(), now, now);
        assertThat(r).isInstanceOf(Resolution.Act.class);
        return ((Resolution.Act) r).directive();
    }

    @Test
    void intervalsWithoutTheirOwnStartFollowThePreviousOneAndMayOverrideTheDuration() {
        // User Guide 7.4, example 7.4-1: default PT1H, the second interval lasts PT2H.
        DrDirective d = act(event("{\"start\":\"2026-07-01T18:00:00Z\",\"duration\":\"PT1H\"}",
                "{\"id\":0," + payload("IMPORT_CAPACITY_LIMIT", "8000") + "},"
                        + "{\"id\":1,\"intervalPeriod\":{\"duration\":\"PT2H\"}," + payload("IMPORT_CAPACITY_LIMIT", "7000") + "}", ""));

        assertThat(d.caps()).extracting(DrSignal.CapLimit::start, DrSignal.CapLimit::end, DrSignal.CapLimit::kw).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-07-01T18:00:00Z"), Instant.parse("2026-07-01T19:00:00Z"), 8000.0),
                org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-07-01T19:00:00Z"), Instant.parse("2026-07-01T21:00:00Z"), 7000.0));
    }

    @Test
    void aStartAtTheBeginningOfTimeMeansNowTheMomentTheVersionWasFirstRead() {
        DrDirective d = act(event("{\"start\":\"0001-01-01\",\"duration\":\"PT1H\"}",
                "{\"id\":0," + payload("ALERT_GRID_EMERGENCY", "\"Grid emergency\"") + "}", ""));
        assertThat(d.start()).isEqualTo(now);
        // The program maps ALERT_GRID_EMERGENCY to a hard 5000 kW import cap.
        assertThat(d.caps()).singleElement().satisfies(c -> {
            assertThat(c.kw()).isEqualTo(5000);
            assertThat(c.hard()).isTrue();
        });
        assertThat(d.signals()).filteredOn(DrSignal.GridAlert.class::isInstance).singleElement()
                .satisfies(a -> assertThat(((DrSignal.GridAlert) a).text()).isEqualTo("Grid emergency"));
    }

    @Test
    void randomizedStartsAreTheVensOwnStableAndWithinTheRange() {
        Event e = event("{\"start\":\"2026-07-01T18:00:00Z\",\"duration\":\"PT1H\",\"randomizeStart\":\"PT10M\"}",
                "{\"id\":0," + payload("IMPORT_CAPACITY_LIMIT", "8000") + "},{\"id\":1," + payload("IMPORT_CAPACITY_LIMIT", "8000") + "}", "");
        Instant scheduled = Instant.parse("2026-07-01T18:00:00Z");
        List<Instant> starts = java.util.stream.IntStream.range(0, 20).mapToObj(i -> new EventResolver("ven-" + i, Duration.ofHours(48)))
                .map(r -> ((Resolution.Act) r.resolve(DrFixtures.program(), e, DrFixtures.mapping(), now, now)).directive().start())
                .toList();

        // Uniform in [-10 min, +10 min] (User Guide 7.3, intervalPeriod.randomizeStart).
        assertThat(starts).allSatisfy(s -> assertThat(Duration.between(scheduled, s).abs()).isLessThanOrEqualTo(Duration.ofMinutes(10)));
        assertThat(starts).as("different VENs draw different offsets").doesNotHaveDuplicates();
        assertThat(act(e).start()).as("one VEN always draws the same").isEqualTo(act(e).start());
        DrDirective d = act(e);
        assertThat(d.caps().get(1).start()).as("a following interval moves with the first").isEqualTo(d.caps().get(0).end());
    }

    @Test
    void anEventDurationLongerThanItsIntervalsLoopsThemAndShorterCutsThem() {
        String two = "{\"id\":0," + payload("PRICE", "0.30") + "},{\"id\":1," + payload("PRICE", "0.10") + "}";
        DrDirective looped = act(event("{\"start\":\"2026-07-01T12:00:00Z\",\"duration\":\"PT1H\"}", two, ",\"duration\":\"PT5H\""));
        assertThat(looped.signals()).extracting(s -> ((DrSignal.Price) s).perKwh()).containsExactly(0.30, 0.10, 0.30, 0.10, 0.30);
        assertThat(looped.end()).isEqualTo(Instant.parse("2026-07-01T17:00:00Z"));

        DrDirective cut = act(event("{\"start\":\"2026-07-01T12:00:00Z\",\"duration\":\"PT1H\"}", two, ",\"duration\":\"PT90M\""));
        assertThat(cut.end()).isEqualTo(Instant.parse("2026-07-01T13:30:00Z"));
    }

    @Test
    void aForeverLoopingEventIsPlacedUpToTheHorizonOnly() {
        DrDirective d = act(event("{\"start\":\"2026-07-01T00:00:00Z\",\"duration\":\"PT1H\"}",
                "{\"id\":0," + payload("GHG", "400") + "}", ",\"duration\":\"P9999Y\""));
        // 48 h horizon from 10:00 on the first day: hourly intervals up to 10:00 two days later.
        assertThat(d.end()).isEqualTo(now.plus(Duration.ofHours(48)));
        assertThat(d.notes()).anySatisfy(n -> assertThat(n).contains("runs past the horizon"));
    }

    @Test
    void packedPricesSplitTheirIntervalEvenly() {
        // User Guide example 7.3-1: three prices over PT3H are one hour each.
        DrDirective d = act(event("", "{\"id\":0,\"intervalPeriod\":{\"start\":\"2026-07-01T00:00:00Z\",\"duration\":\"PT3H\"},"
                + payload("PRICE", "0.17,0.03,0.11") + "}", ""));
        assertThat(d.signals()).extracting(DrSignal::start).containsExactly(T0, T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(2)));
    }

    @Test
    void simpleLevelsBecomeTheSiteFilesCapsAndLevelZeroIsNoCap() {
        DrDirective d = act(event("{\"start\":\"2026-07-01T18:00:00Z\",\"duration\":\"PT1H\"}",
                "{\"id\":0," + payload("SIMPLE", "0") + "},{\"id\":1," + payload("SIMPLE", "2") + "},{\"id\":2," + payload("SIMPLE", "3") + "}", ""));
        // Fixture mapping: level 1 -> 9000 kW, level 2 -> 7500 kW, level 3 unmapped.
        assertThat(d.caps()).extracting(DrSignal.CapLimit::kw).containsExactly(7500.0);
        assertThat(d.notes()).anySatisfy(n -> assertThat(n).contains("SIMPLE level 3 has no cap"));
    }

    @Test
    void aStartAtTheBeginningOfTimeWithNoDurationIsACancellation() {
        // User Guide 7.9.
        Resolution r = resolver.resolve(DrFixtures.program(), event("{\"start\":\"0001-01-01T00:00:00Z\",\"duration\":\"PT0S\"}",
                "{\"id\":0," + payload("IMPORT_CAPACITY_LIMIT", "8000") + "}", ""), DrFixtures.mapping(), now, now);
        assertThat(r).isInstanceOf(Resolution.Cancel.class);
    }

    @Test
    void limitsInUnitsKelvinCannotPlanAndIntervalsWithoutDurationAreRefused() {
        Event kva = event("{\"start\":\"2026-07-01T18:00:00Z\",\"duration\":\"PT1H\"}", "{\"id\":0," + payload("IMPORT_CAPACITY_LIMIT", "8000") + "}",
                ",\"payloadDescriptors\":[{\"objectType\":\"EVENT_PAYLOAD_DESCRIPTOR\",\"payloadType\":\"IMPORT_CAPACITY_LIMIT\",\"units\":\"KVA\"}]");
        Event noDuration = event("", "{\"id\":0,\"intervalPeriod\":{\"start\":\"2026-07-01T18:00:00Z\"}," + payload("IMPORT_CAPACITY_LIMIT", "8000") + "}", "");

        assertThat(resolver.resolve(DrFixtures.program(), kva, DrFixtures.mapping(), now, now)).isInstanceOfSatisfying(Resolution.Refuse.class,
                r -> assertThat(r.problems()).containsExactly("payloadDescriptors: IMPORT_CAPACITY_LIMIT in KVA cannot be planned (Kelvin plans capacity limits in KW)"));
        assertThat(resolver.resolve(DrFixtures.program(), noDuration, DrFixtures.mapping(), now, now)).isInstanceOfSatisfying(Resolution.Refuse.class,
                r -> assertThat(r.problems().getFirst()).startsWith("intervals[0].intervalPeriod.duration: is required"));
    }
}
