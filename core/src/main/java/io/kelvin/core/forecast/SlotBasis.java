package io.kelvin.core.forecast;

/** What one slot's value rests on. Every constant but {@link #FEED} and {@link #MODEL} is a fallback. */
public enum SlotBasis {
    /** A feed refreshed within its staleness limit gave this slot. */
    FEED,
    /** A model over the site's own recent measurements (PV clearness, wind output, metered load). */
    MODEL,
    /** A feed past its staleness limit: the value it last gave for this slot. */
    STALE_FEED,
    /** The feed has nothing for this slot: the same local time of the last day it covered fully. */
    LAST_GOOD_DAY,
    /** A model without recent measurements to track (climatology or a stated default only). */
    MODEL_WITHOUT_DATA,
    /** No value at all ({@code NaN}): the input is not configured, or no source ever answered. */
    MISSING;

    public boolean isFallback() {
        return this != FEED && this != MODEL;
    }
}
