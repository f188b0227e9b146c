package io.kelvin.web.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.function.ValueProvider;
import io.kelvin.web.overview.CduRow;
import io.kelvin.web.overview.Reading;
import java.util.List;

/**
 * Every CDU's cooling loop, one row per CDU. Each cell carries a stable id
 * ({@code cdu-ID-supply}, ...) so tests and operators can point at one value.
 */
class CduGrid extends Grid<CduRow> {

    CduGrid() {
        super(CduRow.class, false);
        setId("cdu-grid");
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        setAllRowsVisible(true);
        addColumn(CduRow::deviceId).setHeader("CDU").setAutoWidth(true).setFlexGrow(0);
        readingColumn("Supply temp", "supply", CduRow::supplyTemp);
        readingColumn("Return temp", "return", CduRow::returnTemp);
        readingColumn("Flow", "flow", CduRow::flow);
        readingColumn("Supply setpoint", "setpoint", CduRow::supplySetpoint);
    }

    void show(List<CduRow> rows) {
        setItems(rows);
    }

    private void readingColumn(String header, String key, ValueProvider<CduRow, Reading> reading) {
        addComponentColumn(row -> cell(row.deviceId() + "-" + key, reading.apply(row)))
                .setHeader(header).setKey(key).setTextAlign(ColumnTextAlign.END);
    }

    private static Span cell(String id, Reading reading) {
        Span value = new Span(reading.withUnit());
        value.setId("cdu-" + id);
        value.addClassName("kelvin-cell");
        if (reading.doubtful()) {
            value.addClassName("kelvin-cell-doubtful");
            value.setTitle(reading.qualityLabel());
        }
        return value;
    }
}
