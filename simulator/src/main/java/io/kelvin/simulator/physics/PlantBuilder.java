package io.kelvin.simulator.physics;

import io.kelvin.core.site.Device;
import io.kelvin.core.site.DeviceClass;
import io.kelvin.core.site.Meter;
import io.kelvin.core.site.Site;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds the {@link Plant} of a site: one model per device by device class, sized by the device's
 * {@code ratedKw} where the site gives one (defaults: chiller 3,000, HVDC 5,000, PV 500, wind 2,500 kW),
 * meters bound by the role the site's meter list gives them. Counters start at seeded, plausible
 * values so a fresh twin does not look brand new.
 */
final class PlantBuilder {

    private PlantBuilder() {
    }

    static Plant build(Site site, long seed, Instant begin) {
        SplittableRandom random = new SplittableRandom(seed);
        Weather weather = new Weather(site.info().timezone(), site.info().latitude(), seed);
        ItLoad itLoad = new ItLoad(site.cluster(), site.info().timezone(), seed);
        weather.evaluate(begin);
        itLoad.evaluate(begin);
        SolarShape solar = SolarShape.forSite(site.info().latitude(), site.info().longitude());
        List<Device> cduDevices = site.devices(DeviceClass.CDU);
        double cduHeatKw = cduDevices.isEmpty() ? 0 : Plant.LIQUID_CAPTURE * itLoad.itPowerKw() / cduDevices.size();
        List<CduModel> cdus = cduDevices.stream().map(d -> new CduModel(d.id(), cduHeatKw, 24.0)).toList();
        List<ChillerModel> chillers = new ArrayList<>();
        List<HvdcModel> hvdcs = new ArrayList<>();
        List<PvModel> pvs = new ArrayList<>();
        List<WindModel> winds = new ArrayList<>();
        List<HeatRecoveryModel> heat = new ArrayList<>();
        List<MeterModel> meters = new ArrayList<>();
        for (Device device : site.devices()) {
            double counter = 1.0 + random.nextDouble();
            switch (device.deviceClass()) {
                case CHILLER -> chillers.add(new ChillerModel(device.id(), rated(device, 3000), 10_000 * counter,
                        2_000_000 * counter));
                case HVDC -> hvdcs.add(new HvdcModel(device.id(), rated(device, 5000), 20_000_000 * counter));
                case PV -> pvs.add(new PvModel(device.id(), rated(device, 500), 0.97 + 0.03 * random.nextDouble(),
                        500_000 * counter));
                case WIND -> winds.add(new WindModel(device.id(), rated(device, 2500), 0.95 + 0.1 * random.nextDouble(),
                        3_000_000 * counter));
                case HEAT_EXCHANGER -> heat.add(new HeatRecoveryModel(device.id(), 4_000_000 * counter));
                case METER -> meters.add(new MeterModel(device.id(), meterKind(site, device), 30_000_000 * counter));
                case CDU, CLUSTER, SITE -> {
                    // CDUs are built above; cluster and site points are derived by Kelvin, not served.
                }
            }
        }
        return new Plant(weather, itLoad, solar, hvdcs, cdus, chillers, heat, pvs, winds, meters);
    }

    private static double rated(Device device, double defaultKw) {
        return device.ratedKw().orElse(defaultKw);
    }

    private static MeterModel.Kind meterKind(Site site, Device device) {
        for (Meter meter : site.meters()) {
            if (!meter.point().device().equals(device.id())) {
                continue;
            }
            switch (meter.role()) {
                case GRID_IMPORT -> {
                    return MeterModel.Kind.GRID;
                }
                case COOLING -> {
                    return MeterModel.Kind.COOLING;
                }
                case LIGHTING_AND_OTHER -> {
                    return MeterModel.Kind.AUX;
                }
                case WATER -> {
                    return MeterModel.Kind.WATER;
                }
                default -> {
                    // other roles point at generators and loads, not at meter devices
                }
            }
        }
        return MeterModel.Kind.UNASSIGNED;
    }
}
