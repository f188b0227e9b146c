package io.kelvin.simulator.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PhysicsTest {

    // x(t) = target + (x0 - target) e^(-t/tau): 90 one-second steps from 32 toward 28 with tau 90 s.
    @Test
    void firstOrderLagOfOneTauCoversOneMinusOneOverEOfTheStep() {
        double value = 32.0;
        for (int i = 0; i < 90; i++) {
            value = Physics.firstOrderLag(value, 28.0, 1.0, 90.0);
        }
        assertThat(value).isCloseTo(29.47151776468577, within(1e-12));
    }

    // T_return = T_supply + P / (m_dot c_p); 1,200 l/min x 0.997 kg/l / 60 = 19.94 kg/s; 700 / (19.94 x 4.186) = 8.386 K.
    @Test
    void returnTemperatureIsSupplyPlusHeatOverMassFlowTimesSpecificHeat() {
        assertThat(Physics.returnTempC(30.0, 700.0, 1200.0)).isCloseTo(38.38636310268598, within(1e-12));
    }

    // Affinity law: power ~ speed^3, so half speed takes an eighth of the rated 30 kW.
    @Test
    void pumpPowerFollowsTheCubeOfSpeed() {
        assertThat(Physics.pumpPowerKw(30.0, 50.0)).isEqualTo(3.75);
    }

    // System curve dp = 150 kPa x (Q / 1,200)^2: 150 kPa needs 1,200 l/min = 66.7 % of 1,800 l/min.
    @Test
    void pumpSpeedHoldsTheDifferentialPressureSetpointOnTheSystemCurve() {
        assertThat(Physics.pumpSpeedForDiffPressurePct(150, 150, 1200, 1800)).isCloseTo(200.0 / 3, within(1e-12));
        assertThat(Physics.diffPressureKpa(1200 * Math.sqrt(2), 150, 1200)).isCloseTo(300.0, within(1e-9));
    }

    // 0.40 x T_evap / lift: (24 - 3 + 273.15) / ((27 + 10) - (24 - 3)) x 0.40 = 7.35375.
    @Test
    void chillerCopIsAFractionOfCarnotAndFallsAsWetBulbRises() {
        assertThat(Physics.chillerCop(27.0, 24.0)).isCloseTo(7.35375, within(1e-9));
        assertThat(Physics.chillerCop(29.0, 24.0)).isLessThan(Physics.chillerCop(27.0, 24.0));
    }

    // rated x (v^3 - 27) / (1728 - 27): 7.5 m/s gives 2,500 x 394.875 / 1,701 = 580.357 kW.
    @Test
    void windPowerCurveIsCubicBetweenCutInAndRatedAndZeroOutsideIt() {
        assertThat(Physics.windPowerKw(2500, 7.5)).isCloseTo(580.3571428571429, within(1e-9));
        assertThat(Physics.windPowerKw(2500, 2.9)).isZero();
        assertThat(Physics.windPowerKw(2500, 12.0)).isEqualTo(2500.0);
        assertThat(Physics.windPowerKw(2500, 25.0)).isZero();
    }

    // Losses 5,000 x (0.004 + 0.008 x 0.8 + 0.012 x 0.64) = 90.4 kW at 4,000 kW out: efficiency 97.79 %.
    @Test
    void hvdcLossesGiveAboutNinetyEightPercentEfficiencyAtEightyPercentLoad() {
        assertThat(Physics.hvdcLossKw(5000, 4000)).isCloseTo(90.4, within(1e-9));
        assertThat(4000 / (4000 + Physics.hvdcLossKw(5000, 4000))).isBetween(0.97, 0.98);
    }

    // Evaporation 2,400 kW / 2,400 kJ/kg = 1 kg/s; x 4/3 blow-down; x 60 / 0.997 = 80.24 l/min.
    @Test
    void makeupWaterIsEvaporationPlusBlowDown() {
        assertThat(Physics.makeupWaterLpm(2400)).isCloseTo(80.0 / 0.997, within(1e-9));
    }
}
