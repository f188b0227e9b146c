package io.kelvin.simulator.physics;

/**
 * Site totals of the last substep, kW unless named otherwise. {@code gridKw} is positive for
 * import, negative for export. PUE = (grid + PV + wind) / IT, i.e. total facility power over IT power.
 */
public record SiteTotals(double utilization, double itKw, double hvdcInputKw, double coolingKw, double auxKw,
                         double pvKw, double windKw, double gridKw, double heatRecoveredKw, double wetBulbC) {

    public double facilityKw() {
        return gridKw + pvKw + windKw;
    }

    public double pue() {
        return itKw > 0 ? facilityKw() / itKw : Double.NaN;
    }
}
