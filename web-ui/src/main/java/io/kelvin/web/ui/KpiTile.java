package io.kelvin.web.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.kelvin.web.overview.Kpi;
import io.kelvin.web.overview.Reading;

/**
 * A headline tile: label, big value, unit, and a quality badge that appears when the value is not
 * GOOD. The element id is {@code kpi-KEY}; the value span is {@code kpi-KEY-value}. The tile's
 * {@code data-value} attribute holds the unrounded value, for tooltips and tests.
 */
class KpiTile extends Div {

    private final Span value = new Span();
    private final Span unit = new Span();
    private final Span quality = new Span();

    KpiTile(Kpi kpi) {
        setId("kpi-" + kpi.key());
        addClassName("kelvin-tile");
        Span label = new Span(kpi.label());
        label.addClassName("kelvin-tile-label");
        value.setId("kpi-" + kpi.key() + "-value");
        value.addClassName("kelvin-tile-value");
        unit.addClassName("kelvin-tile-unit");
        quality.addClassName("kelvin-quality");
        Div figure = new Div(value, unit);
        figure.addClassName("kelvin-tile-figure");
        add(label, figure, quality);
    }

    void show(Reading reading) {
        value.setText(reading.text());
        getElement().setAttribute("data-value", String.valueOf(reading.value()));
        unit.setText(reading.displayUnit());
        quality.setText(reading.qualityLabel());
        quality.setVisible(reading.doubtful());
        setClassName("kelvin-tile-doubtful", reading.doubtful());
    }
}
