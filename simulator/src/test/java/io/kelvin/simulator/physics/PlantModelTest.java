package io.kelvin.simulator.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kelvin.core.control.SetpointRejectedException;
import io.kelvin.core.site.Site;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.testkit.SiteFixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlantModelTest {

    private static final Instant SUMMER = Instant.parse("2025-07-20T00:00:00Z");
    private static final Instant WINTER = Instant.parse("2025-01-15T00:00:00Z");

    @TempDir
    Path dir;
    Site site;

    @BeforeEach
    void loadSite() {
        site = SiteFixtures.demoSite(dir);
    }

    @Test
    void sameSeedGivesTheSameValuesAndAnotherSeedDoesNot() {
        PlantModel a = PlantModel.create(site, 5, SUMMER);
        PlantModel b = PlantModel.create(site, 5, SUMMER);
        PlantModel c = PlantModel.create(site, 6, SUMMER);
        for (int i = 0; i < 6; i++) {
            a.advance(Duration.ofMinutes(10));
            b.advance(Duration.ofSeconds(600));
            c.advance(Duration.ofMinutes(10));
        }
        for (var device : site.devices()) {
            assertThat(a.values(device.id())).as(device.id()).isEqualTo(b.values(device.id()));
        }
        assertThat(a.values("wt-01")).isNotEqualTo(c.values("wt-01"));
    }

    @Test
    void advancingInPiecesEqualsAdvancingAtOnce() {
        PlantModel pieces = PlantModel.create(site, 9, SUMMER);
        PlantModel once = PlantModel.create(site, 9, SUMMER);
        for (int i = 0; i < 40; i++) {
            pieces.advance(Duration.ofMillis(2500));
        }
        once.advance(Duration.ofSeconds(100));
        assertThat(pieces.now()).isEqualTo(once.now());
        assertThat(pieces.values("cdu-03")).isEqualTo(once.values("cdu-03"));
    }

    // Return = supply + P / (m_dot c_p) with m_dot = flow x 0.997 / 60 kg/s, on the model's live values.
    @Test
    void cduReturnTemperatureObeysTheHeatBalance() {
        PlantModel model = PlantModel.create(site, 1, SUMMER);
        Map<String, Double> cdu = model.values("cdu-07");
        double massFlow = cdu.get("flow_lpm") * 0.997 / 60;
        assertThat(cdu.get("return_temp_c"))
                .isCloseTo(cdu.get("supply_temp_c") + cdu.get("heat_load_kw") / (massFlow * 4.186), within(1e-9));
        // 93 % of the IT load goes to the 12 CDUs
        assertThat(cdu.get("heat_load_kw") * 12).isCloseTo(0.93 * model.totals().itKw(), within(1e-6));
    }

    // tau 90 s: 32 -> 28 degC, after 90 s 28 + 4/e = 29.4715 degC.
    @Test
    void cduSupplyFollowsItsSetpointWithAFirstOrderLag() {
        PlantModel model = PlantModel.create(site, 1, SUMMER);
        PointId supply = PointId.of("cdu-04", "supply_temp_c");
        assertThat(model.value(supply)).isEqualTo(32.0);
        model.write(PointId.of("cdu-04", "supply_temp_setpoint_c"), 28.0);
        model.advance(Duration.ofSeconds(90));
        assertThat(model.value(supply)).isCloseTo(29.47151776468577, within(1e-9));
    }

    @Test
    void setpointOutsideItsLimitsOrOnAMeasurementIsRejected() {
        PlantModel model = PlantModel.create(site, 1, SUMMER);
        assertThatThrownBy(() -> model.write(PointId.of("cdu-01", "supply_temp_setpoint_c"), 19.9))
                .isInstanceOf(SetpointRejectedException.class);
        assertThatThrownBy(() -> model.write(PointId.of("cdu-01", "supply_temp_c"), 30))
                .isInstanceOf(SetpointRejectedException.class);
    }

    @Test
    void chillersFreeCoolInWinterAndRunCompressorsInSummer() {
        PlantModel winter = PlantModel.create(site, 3, WINTER);
        PlantModel summer = PlantModel.create(site, 3, SUMMER.plus(Duration.ofHours(6)));
        assertThat(winter.value(PointId.of("chiller-01", "free_cooling_active"))).isEqualTo(1.0);
        assertThat(summer.value(PointId.of("chiller-01", "compressor_running"))).isEqualTo(1.0);
        assertThat(summer.value(PointId.of("chiller-01", "cop"))).isBetween(5.0, 10.0);
        assertThat(winter.totals().pue()).isLessThan(summer.totals().pue());
    }

    @Test
    void hvdcOutputsAddUpToTheItLoadAndTheGridMeterBalancesTheSite() {
        PlantModel model = PlantModel.create(site, 2, SUMMER.plus(Duration.ofHours(4)));
        SiteTotals t = model.totals();
        double hvdcOut = model.value(PointId.of("hvdc-01", "output_power_kw")) + model.value(PointId.of("hvdc-02", "output_power_kw"));
        assertThat(hvdcOut).isCloseTo(t.itKw(), within(1e-6));
        assertThat(model.value(PointId.of("hvdc-01", "efficiency_pct"))).isBetween(97.0, 98.5);
        // grid = HVDC input + cooling + aux - PV - wind
        assertThat(model.value(PointId.of("meter-grid", "active_power_kw")))
                .isCloseTo(t.hvdcInputKw() + t.coolingKw() + t.auxKw() - t.pvKw() - t.windKw(), within(1e-6));
        assertThat(t.utilization()).isBetween(0.70, 0.90);
    }

    // Shanghai's solar noon is about 11:54 local (UTC+8, 121.5 E); the data is aligned by solar time, so
    // averaged over a week (clouds vary by day) the sunniest hour-of-day bin starts at 11 or 12 local.
    @Test
    void pvPeaksNearLocalNoonAndSleepsAtNight() {
        PlantModel model = PlantModel.create(site, 4, Instant.parse("2025-06-09T16:00:00Z"));
        double[] byHour = new double[24];
        for (int step = 0; step < 7 * 24 * 12; step++) {
            int hour = model.now().atZone(ZoneId.of("Asia/Shanghai")).getHour();
            model.advance(Duration.ofMinutes(5));
            byHour[hour] += model.value(PointId.of("pv-inv-01", "ac_power_kw"));
            if (hour == 2) {
                assertThat(model.value(PointId.of("pv-inv-01", "operating_state"))).as("02:00 local").isEqualTo(2.0);
            }
        }
        int best = 0;
        for (int hour = 1; hour < 24; hour++) {
            best = byHour[hour] > byHour[best] ? hour : best;
        }
        assertThat(best).isBetween(11, 12);
        model.advanceTo(Instant.parse("2025-06-17T04:00:00Z"));
        Map<String, Double> pv = model.values("pv-inv-02");
        assertThat(pv.get("operating_state")).as("noon local").isEqualTo(4.0);
        assertThat(pv.get("dc_power_kw")).isCloseTo(pv.get("ac_power_kw") / 0.98, within(1e-9));
        assertThat(model.solarShapeCity()).isEqualTo("Hong Kong");
    }

    @Test
    void windTurbineHonoursItsPowerLimit() {
        PlantModel model = PlantModel.create(site, 8, SUMMER);
        model.write(PointId.of("wt-01", "power_limit_kw"), 100.0);
        for (int i = 0; i < 360; i++) {
            model.advance(Duration.ofSeconds(10));
            assertThat(model.value(PointId.of("wt-01", "power_kw"))).isLessThanOrEqualTo(100.0);
        }
    }

    // Heat pump: delivered heat ramps to the offtake setpoint (tau 300 s) and power = heat / COP.
    @Test
    void heatRecoveryDeliversItsOfftakeSetpointAtTheHeatPumpCop() {
        PlantModel model = PlantModel.create(site, 2, SUMMER);
        model.write(PointId.of("hx-01", "offtake_setpoint_kw"), 2500.0);
        model.advance(Duration.ofHours(1));
        Map<String, Double> hx = model.values("hx-01");
        assertThat(hx.get("heat_kw")).isCloseTo(2500.0, within(2500 * Math.exp(-12) + 1));
        assertThat(hx.get("heat_pump_power_kw")).isCloseTo(hx.get("heat_kw") / hx.get("heat_pump_cop"), within(1e-6));
        assertThat(hx.get("heat_pump_cop")).isBetween(3.5, 5.5);
    }
}
