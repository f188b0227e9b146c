package io.kelvin.greenpower.forecast;

import io.kelvin.core.forecast.Provenance;
import io.kelvin.core.forecast.SlotBasis;
import io.kelvin.core.forecast.SlotSeries;
import java.util.Arrays;

/** Small builders of slot series shared by the forecasters. */
final class Forecasts {

    private Forecasts() {
    }

    /** Zero in every slot, from a model: the site has no such generation. */
    static SlotSeries zeros(int n, Provenance provenance) {
        SlotBasis[] basis = new SlotBasis[n];
        Arrays.fill(basis, SlotBasis.MODEL);
        return new SlotSeries(new double[n], basis, provenance);
    }

    /** A model's values: {@link SlotBasis#MODEL} where a number, {@link SlotBasis#MISSING} where NaN. */
    static SlotSeries model(double[] values, Provenance provenance) {
        SlotBasis[] basis = new SlotBasis[values.length];
        for (int i = 0; i < values.length; i++) {
            basis[i] = Double.isNaN(values[i]) ? SlotBasis.MISSING : SlotBasis.MODEL;
        }
        return new SlotSeries(values, basis, provenance);
    }
}
