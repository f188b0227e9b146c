package io.kelvin.web.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import io.kelvin.greenpower.dr.baseline.EventTimeline;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import tools.jackson.databind.ObjectMapper;

/**
 * One demand-response event against the meter, drawn in the browser by Apache ECharts through the custom
 * element {@code kelvin-dr-chart} (src/main/frontend/kelvin-dr-chart.js): metered grid import, the import cap
 * and the baseline per step, the event's span shaded. Times travel as instants (epoch millis) with the site's zone id, labelled by the chart on
 * the site's wall clock.
 */
@Tag("kelvin-dr-chart")
@NpmPackage(value = "echarts", version = "6.0.0")
@JsModule("./kelvin-dr-chart.js")
class DrChart extends Component implements HasSize {

    private static final ObjectMapper JSON = new ObjectMapper();

    DrChart() {
        setId("dr-timeline-chart");
    }

    void show(String eventId, EventTimeline.Timeline t, ZoneId zone, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("event", eventId);
        data.put("zone", zone.getId());
        data.put("times", t.steps().stream().map(s -> s.start().toEpochMilli()).toList());
        data.put("stepMillis", t.step().toMillis());
        data.put("eventStart", t.eventStart().toEpochMilli());
        data.put("eventEnd", t.eventEnd().toEpochMilli());
        data.put("now", now.toEpochMilli());
        Map<String, List<Double>> series = new LinkedHashMap<>();
        series.put("importKw", values(t, EventTimeline.Step::importKw));
        series.put("capKw", values(t, EventTimeline.Step::capKw));
        series.put("baselineKw", values(t, EventTimeline.Step::baselineKw));
        data.put("series", series);
        getElement().setProperty("data", JSON.writeValueAsString(data));
        getElement().setAttribute("data-steps", String.valueOf(t.steps().size()));
    }

    private static List<Double> values(EventTimeline.Timeline t, Function<EventTimeline.Step, OptionalDouble> of) {
        return t.steps().stream().map(of).map(v -> v.isPresent() ? v.getAsDouble() : null).toList();
    }
}
