package io.kelvin.core.site;

import io.kelvin.core.series.Measure;

/** What a feed gives the forecast, and the measure its series must have. */
public enum FeedKind {
    /** Grid carbon intensity, gCO2/kWh; a feed of this kind also says its accounting method. */
    CARBON(Measure.CARBON_INTENSITY),
    /** The import price per kWh, with its currency. */
    PRICE(Measure.PRICE),
    /** Outdoor air temperature, degrees Celsius. */
    AMBIENT(Measure.TEMPERATURE),
    /** Hub-height wind speed, m/s, turned into power by the wind forecast's power curve. */
    WIND_SPEED(Measure.SPEED);

    private final Measure measure;

    FeedKind(Measure measure) {
        this.measure = measure;
    }

    public Measure measure() {
        return measure;
    }
}
