package io.kelvin.web.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import io.kelvin.web.overview.TrendSeries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/**
 * Line chart of the site totals, drawn in the browser by Apache ECharts (Apache 2.0) through the
 * small custom element {@code kelvin-trend-chart} (src/main/frontend/kelvin-trend-chart.js). The
 * server sends the whole series as one JSON property (times as epoch millis, with the site's zone id for the
 * labels); gaps travel as {@code null}.
 */
@Tag("kelvin-trend-chart")
@NpmPackage(value = "echarts", version = "6.0.0")
@JsModule("./kelvin-trend-chart.js")
class TrendChart extends Component implements HasSize {

    private static final ObjectMapper JSON = new ObjectMapper();

    TrendChart() {
        setId("trend-chart");
    }

    void show(TrendSeries trend) {
        List<Long> times = trend.times().stream().map(t -> t.toEpochMilli()).toList();
        List<Map<String, Object>> lines = new ArrayList<>();
        for (TrendSeries.Line line : trend.lines()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("key", line.key());
            json.put("name", line.label());
            json.put("unit", line.unit());
            json.put("axis", line.axis());
            json.put("values", line.values());
            lines.add(json);
        }
        getElement().setProperty("data", JSON.writeValueAsString(
                Map.of("times", times, "lines", lines, "zone", trend.zone().getId())));
        getElement().setAttribute("data-steps", String.valueOf(times.size()));
    }
}
