package io.kelvin.core.forecast;

import java.util.Objects;

/** One input of a forecast in brief: where it came from and how many of its slots are fallbacks. */
public record InputStatus(ForecastInput input, Provenance provenance, int fallbackSlots, int slots) {

    public InputStatus {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(provenance, "provenance");
    }

    public boolean isFallback() {
        return fallbackSlots > 0 || provenance.freshness().isFallback();
    }
}
