package io.kelvin.greenpower.solar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClearSkyTest {

    @Test
    void haurwitzAtTheZenithAndAtSixtyDegrees() {
        // GHI = 1098 cos z exp(-0.059 / cos z): z = 0 -> 1098 e^-0.059 = 1035.09; z = 60 -> 549 e^-0.118 = 487.89.
        assertThat(ClearSky.haurwitz(0)).isCloseTo(1035.09, within(0.01));
        assertThat(ClearSky.haurwitz(60)).isCloseTo(487.89, within(0.01));
        assertThat(ClearSky.haurwitz(90)).isZero();
        assertThat(ClearSky.haurwitz(120)).isZero();
    }

    @Test
    void sunIsNearlyOverheadAtTheEquatorAtEquinoxNoonAndDownAtMidnight() {
        ClearSky equator = new ClearSky(0, 0);
        // March equinox 2024 was 03:06 UTC on 20 March; at 12:07 UTC (solar noon, equation of time -7 min) the
        // declination is about +0.1 degrees, so the zenith angle is within half a degree of 0.
        assertThat(equator.zenithDeg(Instant.parse("2024-03-20T12:07:00Z"))).isLessThan(0.5);
        assertThat(equator.ghi(Instant.parse("2024-03-20T00:00:00Z"))).isZero();
    }

    @Test
    void aSlotAtSunriseIsPartlyLitAndItsShareIsOfStandardIrradiance() {
        ClearSky sf = new ClearSky(37.77, -122.42);
        // Sunrise in San Francisco on 2022-06-21 was 05:48 PDT = 12:48 UTC.
        double dawn = sf.slotShare(Instant.parse("2022-06-21T12:45:00Z"), Duration.ofMinutes(15));
        double noon = sf.slotShare(Instant.parse("2022-06-21T20:00:00Z"), Duration.ofMinutes(15));
        assertThat(dawn).isBetween(0.0, 0.05);
        // Zenith ~14 degrees at solar noon in June: Haurwitz gives ~1000 W/m2, share ~1.0.
        assertThat(noon).isBetween(0.95, 1.05);
    }
}
