package io.kelvin.greenpower.dr.oadr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OadrReaderTest {

    private static final String EVENT = """
            {"id":"ev-1","createdDateTime":"2026-07-01T00:00:00Z","modificationDateTime":"2026-07-01T01:00:00Z",
             "objectType":"EVENT","programID":"prog-1","eventName":"evening cap","priority":0,
             "payloadDescriptors":[{"objectType":"EVENT_PAYLOAD_DESCRIPTOR","payloadType":"IMPORT_CAPACITY_LIMIT","units":"KW"}],
             "reportDescriptors":[{"payloadType":"USAGE","aggregate":true}],
             "intervalPeriod":{"start":"2026-07-01T18:00:00+02:00","duration":"PT2H","randomizeStart":"PT5M"},
             "intervals":[{"id":0,"payloads":[{"type":"IMPORT_CAPACITY_LIMIT","values":[8000]}]}],
             "someExtension":{"ignored":true}}
            """;

    @Test
    void aValidEventIsReadWithDefaultsAndOffsetsAppliedAndUnknownFieldsIgnored() {
        Event event = OadrReader.event(EVENT);

        assertThat(event.meta().modificationDateTime()).isEqualTo(Instant.parse("2026-07-01T01:00:00Z"));
        // RFC 3339 offset +02:00: 18:00 local is 16:00 UTC.
        assertThat(event.intervalPeriod().orElseThrow().start()).contains(Instant.parse("2026-07-01T16:00:00Z"));
        assertThat(event.intervalPeriod().orElseThrow().randomizeStart().orElseThrow().time()).isEqualTo(Duration.ofMinutes(5));
        // reportDescriptor defaults from the schema: startInterval -1, numIntervals -1, historical true, repeat 1.
        ReportDescriptor report = event.reportDescriptors().getFirst();
        assertThat(report.aggregate()).isTrue();
        assertThat(report.startInterval()).isEqualTo(-1);
        assertThat(report.historical()).isTrue();
        assertThat(report.repeat()).isEqualTo(1);
        assertThat(event.intervals().getFirst().payload("IMPORT_CAPACITY_LIMIT").orElseThrow().number(0)).contains(8000.0);
    }

    @Test
    void p9999yIsInfinityAndDurationsFollowTheSchemasPattern() {
        assertThat(OadrDuration.parse("P9999Y").orElseThrow().isInfinite()).isTrue();
        assertThat(OadrDuration.parse("P9999Y").orElseThrow().addTo(Instant.EPOCH)).isEqualTo(Instant.MAX);
        assertThat(OadrDuration.parse("P1W").orElseThrow().days()).isEqualTo(7);
        assertThat(OadrDuration.parse("PT1.5S").orElseThrow().time()).isEqualTo(Duration.ofMillis(1500));
        assertThat(OadrDuration.parse("-PT5M").orElseThrow().addTo(Instant.EPOCH)).isEqualTo(Instant.EPOCH.minusSeconds(300));
        // The schema's pattern needs a digit after P or T: "P", "PT" and "P0S" (no T) are not durations.
        assertThat(OadrDuration.parse("P")).isEmpty();
        assertThat(OadrDuration.parse("PT")).isEmpty();
        assertThat(OadrDuration.parse("P0S")).isEmpty();
        assertThat(OadrDuration.parse("PT2H30M").orElseThrow().toString()).isEqualTo("PT2H30M");
        assertThat(OadrDuration.ZERO.toString()).isEqualTo("PT0S");
    }

    @Test
    void theBeginningOfTimeIsReadAsTheSpecsNowMarker() {
        Event event = OadrReader.event(EVENT.replace("2026-07-01T18:00:00+02:00", "0001-01-01"));
        assertThat(event.intervalPeriod().orElseThrow().startsAtBeginning()).isTrue();
    }

    @Test
    void everyProblemOfAnEventIsNamedByItsFieldAndNothingIsRead() {
        String bad = EVENT.replace("\"PT2H\"", "\"2 hours\"").replace("\"programID\":\"prog-1\",", "")
                .replace("[8000]", "[-5]").replace("\"objectType\":\"EVENT\"", "\"objectType\":\"ALERT\"")
                .replace("\"aggregate\":true", "\"aggregate\":true,\"reportIntervals\":\"HOURLY\"");

        assertThatThrownBy(() -> OadrReader.event(bad)).isInstanceOfSatisfying(OadrFormatException.class, e ->
                assertThat(e.problems()).containsExactlyInAnyOrder(
                        "objectType: unknown value 'ALERT' (expected one of PROGRAM, EVENT, REPORT, SUBSCRIPTION, VEN, RESOURCE)",
                        "programID: is required",
                        "reportDescriptors[0].reportIntervals: unknown value 'HOURLY' (expected one of INTERVALS, SUB_INTERVALS, OPEN_INTERVALS)",
                        "intervalPeriod.duration: '2 hours' is not an ISO 8601 duration as OpenADR writes it (like PT1H, P1D, P9999Y)",
                        "intervals[0].payloads[0].values[0]: must be at least 0, was -5 (IMPORT_CAPACITY_LIMIT)"));
    }

    @Test
    void payloadValuesFollowTheEnumerationsRules() {
        String simple = EVENT.replace("\"type\":\"IMPORT_CAPACITY_LIMIT\",\"values\":[8000]", "\"type\":\"SIMPLE\",\"values\":[4]");
        assertThatThrownBy(() -> OadrReader.event(simple)).hasMessageContaining(
                "intervals[0].payloads[0].values[0]: must be at least 0 and at most 3, was 4 (SIMPLE)");
        String two = EVENT.replace("[8000]", "[8000, 7000]");
        assertThatThrownBy(() -> OadrReader.event(two)).hasMessageContaining(
                "intervals[0].payloads[0].values: IMPORT_CAPACITY_LIMIT needs exactly 1 value, had 2");
        // User Guide 7.3: PRICE may pack several values, one per equal share of the interval.
        String prices = EVENT.replace("\"type\":\"IMPORT_CAPACITY_LIMIT\",\"values\":[8000]", "\"type\":\"PRICE\",\"values\":[0.1,0.2,0.3]");
        assertThat(OadrReader.event(prices).intervals().getFirst().payloads().getFirst().values()).hasSize(3);
        // Privately defined payload types are allowed and kept (Definition, "Private Strings").
        String custom = EVENT.replace("\"type\":\"IMPORT_CAPACITY_LIMIT\"", "\"type\":\"X_KELVIN_TEST\"");
        assertThat(OadrReader.event(custom).intervals().getFirst().payloads().getFirst().type()).isEqualTo("X_KELVIN_TEST");
    }

    @Test
    void trailingGarbageAndDuplicateKeysAreRefused() {
        assertThatThrownBy(() -> OadrReader.event(EVENT + " {}")).isInstanceOf(OadrFormatException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> OadrReader.event(EVENT.replace("\"priority\":0", "\"priority\":0,\"priority\":1")))
                .isInstanceOf(OadrFormatException.class).hasMessageContaining("Duplicate field 'priority'");
    }

    @Test
    void oneMalformedEventInAListDoesNotHideTheOthers() {
        String list = "[" + EVENT + "," + EVENT.replace("\"ev-1\"", "\"ev-2\"").replace("\"PT2H\"", "\"soon\"") + "]";

        OadrReader.Batch<Event> batch = OadrReader.eachEvent(list);

        assertThat(batch.items()).extracting(Event::id).containsExactly("ev-1");
        assertThat(batch.problems()).singleElement().asString()
                .startsWith("[1] (id ev-2) intervalPeriod.duration: 'soon'");
    }

    @Test
    void aNotificationIsReadAsTheObjectItNames() {
        Notification n = OadrReader.notification("{\"objectType\":\"EVENT\",\"operation\":\"UPDATE\",\"object\":" + EVENT + "}");
        assertThat(n.object()).isInstanceOfSatisfying(Event.class, e -> assertThat(e.id()).isEqualTo("ev-1"));
        assertThatThrownBy(() -> OadrReader.notification("{\"objectType\":\"EVENT\",\"operation\":\"POST\",\"object\":" + EVENT + "}"))
                .hasMessageContaining("operation: unknown value 'POST' (expected one of CREATE, READ, UPDATE, DELETE)");
    }

    @Test
    void writtenEventsReadBackTheSame() {
        Event event = OadrReader.event(EVENT);
        Event again = OadrReader.event(OadrWriter.text(OadrWriter.event(event)));
        assertThat(again).isEqualTo(event);
    }
}
