package io.kelvin.web.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import io.kelvin.web.overview.PlanScreen;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/**
 * The plan's horizon, drawn in the browser by Apache ECharts through the custom element {@code kelvin-plan-chart}
 * (src/main/frontend/kelvin-plan-chart.js): power (unscheduled IT load and the plan's jobs stacked, IT as planned,
 * PV and wind each with its P10-P90 band, the DR cap) above carbon intensity and import price. Times travel as instants (epoch
 * millis) with the site's zone id; the chart spaces them evenly and labels them on the site's wall clock, also across
 * a daylight-saving change.
 */
@Tag("kelvin-plan-chart")
@NpmPackage(value = "echarts", version = "6.0.0")
@JsModule("./kelvin-plan-chart.js")
class PlanChart extends Component implements HasSize {

    private static final ObjectMapper JSON = new ObjectMapper();

    PlanChart() {
        setId("plan-chart");
    }

    void show(PlanScreen.Horizon h, ZoneId zone, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("zone", zone.getId());
        data.put("times", h.starts().stream().map(Instant::toEpochMilli).toList());
        data.put("slotMillis", h.slotMinutes() * 60_000L);
        data.put("now", now.toEpochMilli());
        Map<String, List<Double>> series = new LinkedHashMap<>();
        series.put("unscheduledKw", h.unscheduledKw());
        series.put("jobsKw", h.jobsKw());
        series.put("itKw", h.itKw());
        series.put("pvKw", h.pvKw());
        series.put("pvP10Kw", h.pvP10Kw());
        series.put("pvP90Kw", h.pvP90Kw());
        series.put("windKw", h.windKw());
        series.put("windP10Kw", h.windP10Kw());
        series.put("windP90Kw", h.windP90Kw());
        series.put("drCapKw", h.drCapKw());
        series.put("carbonGPerKwh", h.carbonGPerKwh());
        series.put("priceEurPerKwh", h.priceEurPerKwh());
        data.put("series", series);
        getElement().setProperty("data", JSON.writeValueAsString(data));
        getElement().setAttribute("data-slots", String.valueOf(h.starts().size()));
    }
}
