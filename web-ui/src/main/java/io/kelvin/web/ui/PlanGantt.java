package io.kelvin.web.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import io.kelvin.web.overview.PlanScreen;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/**
 * The plan's jobs as a Gantt chart, drawn as SVG by the custom element {@code kelvin-plan-gantt}
 * (src/main/frontend/kelvin-plan-gantt.js): a row per job, a bar per unbroken run, release and deadline marked,
 * the state on the row, and the planner's explanation in a tooltip over the bar or the row's name. Times travel as
 * instants (epoch millis) with the site's zone id, so slots are evenly spaced like the chart above it.
 */
@Tag("kelvin-plan-gantt")
@JsModule("./kelvin-plan-gantt.js")
class PlanGantt extends Component implements HasSize {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ENGLISH);

    PlanGantt() {
        setId("plan-gantt");
    }

    void show(Instant horizonStart, int slotMinutes, int slots, List<PlanScreen.JobRow> jobs, ZoneId zone, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("start", horizonStart.toEpochMilli());
        data.put("slotMillis", slotMinutes * 60_000L);
        data.put("slots", slots);
        data.put("now", now.toEpochMilli());
        data.put("zone", zone.getId());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PlanScreen.JobRow j : jobs) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", j.jobId());
            row.put("state", j.state().name());
            row.put("outcome", j.outcome());
            row.put("runSlots", j.runSlots());
            row.put("release", j.release() == null ? null : j.release().toEpochMilli());
            row.put("deadline", j.deadline() == null ? null : j.deadline().toEpochMilli());
            row.put("explanation", j.explanation());
            row.put("details", details(j, zone));
            rows.add(row);
        }
        data.put("jobs", rows);
        getElement().setProperty("data", JSON.writeValueAsString(data));
        getElement().setAttribute("data-jobs", String.valueOf(jobs.size()));
    }

    /** The tooltip's facts under the explanation, times in the site's zone. */
    private static List<String> details(PlanScreen.JobRow j, ZoneId zone) {
        List<String> out = new ArrayList<>();
        out.add("State " + j.state().name().toLowerCase(Locale.ROOT) + ", plan outcome " + j.outcome()
                + (j.boundBy() == null || j.boundBy().isBlank() ? "" : ", bound by " + j.boundBy()));
        if (j.start() != null) {
            out.add("Runs " + time(j.start(), zone) + " .. " + time(j.end(), zone));
        } else {
            out.add("Not placed in this plan");
        }
        if (j.release() != null) {
            out.add("Window " + time(j.release(), zone) + " .. " + time(j.deadline(), zone));
        }
        String size = (j.gpus() > 0 ? j.gpus() + " GPUs" : "")
                + (j.powerKw() == null ? "" : (j.gpus() > 0 ? ", " : "") + String.format(Locale.ROOT, "%.0f kW", j.powerKw()));
        if (!size.isEmpty()) {
            out.add(size);
        }
        if (j.project() != null) {
            out.add("Project " + j.project());
        }
        return out;
    }

    private static String time(Instant t, ZoneId zone) {
        return t == null ? "?" : TIME.format(t.atZone(zone)) + " " + zone.getId();
    }
}
