package io.kelvin.web.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.kelvin.core.device.DeviceHealth;
import io.kelvin.core.device.DeviceHealthSource;
import io.kelvin.core.device.DeviceInfo;
import io.kelvin.core.device.DeviceState;
import io.kelvin.core.device.PointHealth;
import io.kelvin.core.telemetry.Quality;
import io.kelvin.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every device's health where an engineer can see it: state (UP, DEGRADED, DOWN), the last error in the
 * device's own words, the last good sample, its points' quality (those not GOOD with their reason; a click
 * on a row lists every point) and its common information. Refreshed every few seconds by server push.
 * Cells carry stable ids ({@code device-ID-state}, {@code device-ID-error}, {@code device-ID-info}, ...).
 */
@Route(value = "devices", layout = MainLayout.class)
@PageTitle("Kelvin · Devices")
@RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.AUDITOR, Roles.ADMIN})
public class DevicesView extends Div {

    static final Duration REFRESH = Duration.ofSeconds(3);

    private final DeviceHealthSource health;
    private final Grid<DeviceHealth> grid = new Grid<>();
    private final Span summary = new Span();

    public DevicesView(DeviceHealthSource health, UiTicker ticker) {
        this.health = health;
        ticker.pushWhileAttached(this, REFRESH, this::refresh);
        addClassName("kelvin-page");
        summary.setId("devices-summary");
        summary.addClassName("kelvin-updated");
        grid.setId("devices-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(DeviceHealth::device).setHeader("Device").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(DevicesView::state).setHeader("State").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(d -> text(d, "error", d.lastError()
                .map(e -> e.code() + " · " + e.message() + " · " + e.at()).orElse("—")))
                .setHeader("Last error (device's words)").setFlexGrow(3);
        grid.addComponentColumn(d -> text(d, "last-good", d.lastGoodSample().map(Instant::toString).orElse("never")))
                .setHeader("Last good sample").setAutoWidth(true);
        grid.addComponentColumn(DevicesView::points).setHeader("Points").setFlexGrow(2);
        grid.addComponentColumn(d -> text(d, "info", info(d.info()))).setHeader("Maker · model · serial · firmware")
                .setFlexGrow(2);
        grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(DevicesView::pointList));
        add(new H2("Devices"), summary, grid);
        refresh();
    }

    private void refresh() {
        List<DeviceHealth> devices = health.devices();
        grid.setItems(devices);
        summary.setText(devices.size() + " devices: " + count(devices, DeviceState.UP) + " up, "
                + count(devices, DeviceState.DEGRADED) + " degraded, " + count(devices, DeviceState.DOWN) + " down");
    }

    private static long count(List<DeviceHealth> devices, DeviceState state) {
        return devices.stream().filter(d -> d.state() == state).count();
    }

    private static Span state(DeviceHealth d) {
        Span state = text(d, "state", d.state().name());
        state.addClassName("kelvin-state");
        state.addClassName("kelvin-state-" + d.state().name().toLowerCase(java.util.Locale.ROOT));
        return state;
    }

    private static Span points(DeviceHealth d) {
        List<PointHealth> notGood = d.points().stream().filter(p -> p.quality() != Quality.GOOD).toList();
        String text = (d.points().size() - notGood.size()) + "/" + d.points().size() + " GOOD"
                + notGood.stream().map(p -> " · " + p.point() + " " + p.quality() + p.reason().map(r -> " (" + r + ")")
                        .orElse("")).collect(Collectors.joining());
        return text(d, "points", text);
    }

    private static Div pointList(DeviceHealth d) {
        Div list = new Div();
        list.setId("device-" + d.device() + "-point-list");
        list.addClassName("kelvin-point-list");
        for (PointHealth p : d.points()) {
            list.add(new Div(p.point() + ": " + p.quality() + p.reason().map(r -> " (" + r + ")").orElse("")
                    + " since " + p.since() + p.lastGood().map(g -> ", last GOOD " + g).orElse("")));
        }
        return list;
    }

    static String info(DeviceInfo info) {
        return String.join(" · ", List.of(or(info.manufacturer()), or(info.model()), or(info.serialNumber()),
                or(info.firmwareVersion()))) + " (" + info.source() + ")";
    }

    private static String or(Optional<String> value) {
        return value.orElse("?");
    }

    private static Span text(DeviceHealth d, String key, String text) {
        Span span = new Span(text);
        span.setId("device-" + d.device() + "-" + key);
        span.addClassName("kelvin-cell-text");
        return span;
    }
}
