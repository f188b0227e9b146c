package io.kelvin.simulator.physics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One substep of the whole site, in the order energy flows: weather and IT load, HVDC conversion,
 * heat recovery, CDU loops, the chiller plant, PV and wind, then the meters that read the totals.
 * Cooling = chillers + CDU pumps + heat pump; aux = 1.5 % of IT; grid = HVDC input + cooling + aux
 * - PV - wind.
 */
final class Plant {

    /** Share of IT heat that the cold plates carry into the CDU loops; the rest reaches the chilled water by air. */
    static final double LIQUID_CAPTURE = 0.93;
    static final double AUX_FRACTION_OF_IT = 0.015;

    final Weather weather;
    private final ItLoad itLoad;
    private final SolarShape solar;
    final List<HvdcModel> hvdcs;
    final List<CduModel> cdus;
    final ChillerPlant chillerPlant;
    final List<ChillerModel> chillers;
    final List<HeatRecoveryModel> heatRecovery;
    final List<PvModel> pvs;
    final List<WindModel> winds;
    final List<MeterModel> meters;
    private SiteTotals totals;

    Plant(Weather weather, ItLoad itLoad, SolarShape solar, List<HvdcModel> hvdcs, List<CduModel> cdus,
          List<ChillerModel> chillers, List<HeatRecoveryModel> heatRecovery, List<PvModel> pvs,
          List<WindModel> winds, List<MeterModel> meters) {
        this.weather = weather;
        this.itLoad = itLoad;
        this.solar = solar;
        this.hvdcs = hvdcs;
        this.cdus = cdus;
        this.chillers = chillers;
        this.chillerPlant = new ChillerPlant(chillers);
        this.heatRecovery = heatRecovery;
        this.pvs = pvs;
        this.winds = winds;
        this.meters = meters;
    }

    void step(Instant at, double dt) {
        weather.step(at, dt);
        itLoad.step(at, dt);
        double itKw = itLoad.itPowerKw();
        double hvdcInputKw = itKw;
        double hvdcLossKw = 0;
        for (HvdcModel hvdc : hvdcs) {
            hvdc.step(dt, itKw / hvdcs.size());
        }
        if (!hvdcs.isEmpty()) {
            hvdcInputKw = hvdcs.stream().mapToDouble(HvdcModel::inputKw).sum();
            hvdcLossKw = hvdcInputKw - itKw;
        }
        double sourceInC = cdus.stream().mapToDouble(CduModel::primaryReturnC).average().orElse(chillerPlant.chwSupplyC() + 6);
        for (HeatRecoveryModel hx : heatRecovery) {
            hx.step(dt, sourceInC, (itKw + hvdcLossKw) / heatRecovery.size());
        }
        double recoveredFromWaterKw = heatRecovery.stream().mapToDouble(HeatRecoveryModel::sourceHeatKw).sum();
        for (CduModel cdu : cdus) {
            cdu.step(dt, LIQUID_CAPTURE * itKw / cdus.size(), chillerPlant.chwSupplyC());
        }
        double pumpsKw = cdus.stream().mapToDouble(CduModel::pumpPowerKw).sum();
        double chillerLoadKw = Math.max(0, itKw + hvdcLossKw + pumpsKw - recoveredFromWaterKw);
        chillerPlant.step(dt, chillerLoadKw, weather.wetBulbC());
        double solarFraction = solar.fraction(at);
        pvs.forEach(pv -> pv.step(dt, solarFraction, weather.dryBulbC(), weather.gridFrequencyHz()));
        winds.forEach(w -> w.step(dt, weather.windSpeedMs(), weather.windDirectionDeg(), weather.dryBulbC()));
        double heatPumpKw = heatRecovery.stream().mapToDouble(HeatRecoveryModel::powerKw).sum();
        double coolingKw = chillerPlant.powerKw() + pumpsKw + heatPumpKw;
        double auxKw = AUX_FRACTION_OF_IT * itKw;
        double pvKw = pvs.stream().mapToDouble(PvModel::acKw).sum();
        double windKw = winds.stream().mapToDouble(WindModel::powerKw).sum();
        double gridKw = hvdcInputKw + coolingKw + auxKw - pvKw - windKw;
        double heatKw = heatRecovery.stream().mapToDouble(HeatRecoveryModel::heatKw).sum();
        totals = new SiteTotals(itLoad.utilization(), itKw, hvdcInputKw, coolingKw, auxKw, pvKw, windKw, gridKw,
                heatKw, weather.wetBulbC());
        stepMeters(dt, totals);
    }

    private void stepMeters(double dt, SiteTotals t) {
        double frequency = weather.gridFrequencyHz();
        for (MeterModel meter : meters) {
            double value = switch (meter.kind()) {
                case GRID -> t.gridKw();
                case COOLING -> t.coolingKw();
                case AUX -> t.auxKw();
                case WATER -> chillerPlant.makeupLpm();
                case UNASSIGNED -> 0.0;
            };
            meter.step(dt, value, frequency);
        }
    }

    SiteTotals totals() {
        return totals;
    }

    ItLoad itLoad() {
        return itLoad;
    }

    String solarCity() {
        return solar.city();
    }

    List<DeviceModel> devices() {
        List<DeviceModel> all = new ArrayList<>();
        all.addAll(cdus);
        all.addAll(chillers);
        all.addAll(hvdcs);
        all.addAll(pvs);
        all.addAll(winds);
        all.addAll(heatRecovery);
        all.addAll(meters);
        return all;
    }
}
