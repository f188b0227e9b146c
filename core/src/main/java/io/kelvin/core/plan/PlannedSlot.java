package io.kelvin.core.plan;

import java.time.Instant;

/**
 * One slot of a plan, all power in kW as slot averages: IT and facility load, PV and wind
 * forecast, grid import and export (both positive), the import price in EUR/kWh and the grid
 * carbon intensity in gCO2/kWh the plan assumed, the PV forecast's P10 and P90 around the PV planned with
 * ({@code pvKw} itself where the forecast gave no spread; null for plans stored before these were kept), and the
 * wind forecast's P10 and P90 around the wind planned with (likewise {@code windKw} itself without spread; null for
 * plans stored before these were kept).
 */
public record PlannedSlot(int slot, Instant start, int busyGpus, double itKw, double facilityKw, double pvKw,
                          double windKw, double gridImportKw, double gridExportKw, double priceEurPerKwh,
                          double carbonGPerKwh, Double pvP10Kw, Double pvP90Kw, Double windP10Kw, Double windP90Kw) {
}
