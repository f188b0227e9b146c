package io.kelvin.core.dr;

import java.time.Instant;

/**
 * What one interval of a demand-response event asks of the site, over {@code [start, end)} (UTC
 * instants, randomised start already applied). Each signal names the event version it came from, so
 * a plan can say which event it obeyed and an update can replace exactly its own signals.
 */
public sealed interface DrSignal permits DrSignal.CapLimit, DrSignal.Price, DrSignal.Ghg, DrSignal.GridAlert {

    EventRef source();

    Instant start();

    Instant end();

    /** Which way a capacity limit bounds the grid connection. */
    enum Direction { IMPORT, EXPORT }

    /**
     * Grid import (or export) at most {@code kw} kW, averaged over each planning slot. A hard cap is a
     * constraint the planner must keep; a soft cap is penalised per kWh above it. {@code payloadType}
     * is the OpenADR payload it came from (IMPORT_CAPACITY_LIMIT, SIMPLE, ALERT_GRID_EMERGENCY, ...).
     */
    record CapLimit(EventRef source, Instant start, Instant end, Direction direction, double kw, boolean hard,
                    String payloadType) implements DrSignal {
    }

    /** An energy price in {@code currency} per kWh; {@code export} for EXPORT_PRICE (paid for energy sent out). */
    record Price(EventRef source, Instant start, Instant end, double perKwh, String currency, boolean export)
            implements DrSignal {
    }

    /** Marginal greenhouse-gas intensity of grid energy, g CO2e per kWh (OpenADR GHG payload). */
    record Ghg(EventRef source, Instant start, Instant end, double gramsPerKwh) implements DrSignal {
    }

    /** A grid alert (ALERT_GRID_EMERGENCY and the other ALERT_ payloads) with the VTN's text for people. */
    record GridAlert(EventRef source, Instant start, Instant end, String alertType, String text) implements DrSignal {
    }
}
