package io.kelvin.core.modbus.sunspec;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.site.DataType;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.site.Register;
import java.util.List;
import org.junit.jupiter.api.Test;

class SunSpecLayoutTest {

    private static Register at(SunSpecLayout.Placement placement, String name) {
        return placement.points().stream().filter(p -> p.name().equals(name)).findFirst()
                .flatMap(PointDef::register).orElseThrow(() -> new AssertionError(name + " not placed"));
    }

    // Model 103 at 40070 (after "SunS" and model 1 with L 66): W at offset 14 with W_SF at 15 (SunSpec model 103 table)
    @Test
    void inverterPointsSitAtTheirModelOffsetsWithTheirScaleFactorRegisters() {
        SunSpecLayout.Placement placement = SunSpecLayout.place(List.of(new ModelHeader(1, 40002, 66),
                new ModelHeader(103, 40070, 50)));

        Register watts = at(placement, "ac_power_kw");
        assertThat(watts.address()).isEqualTo(40084);
        assertThat(watts.scaleFactorAddress()).isEqualTo(40085);
        assertThat(watts.dataType()).isEqualTo(DataType.INT16);
        assertThat(watts.scale()).as("W to kW").isEqualTo(0.001);
        assertThat(at(placement, "energy_kwh").address()).isEqualTo(40094);
        assertThat(at(placement, "operating_state").hasScaleFactor()).isFalse();
        assertThat(at(placement, "serial_number").count()).isEqualTo(16);
        assertThat(at(placement, "serial_number").address()).isEqualTo(40052);
        assertThat(placement.skipped()).isEmpty();
    }

    @Test
    void singleAndSplitPhaseInvertersShareTheThreePhaseLayout() {
        Register single = at(SunSpecLayout.place(List.of(new ModelHeader(101, 100, 50))), "ac_power_kw");
        assertThat(single.address()).isEqualTo(114);
    }

    @Test
    void unknownShortAndRepeatedModelsAreSkippedWithAReason() {
        SunSpecLayout.Placement placement = SunSpecLayout.place(List.of(new ModelHeader(103, 40070, 50),
                new ModelHeader(64110, 40122, 4), new ModelHeader(120, 40128, 10), new ModelHeader(101, 40140, 50)));

        assertThat(placement.skipped()).containsExactly(
                "model 64110 at 40122 (L 4): not a model Kelvin maps",
                "model 120 at 40128: length 10 is shorter than the 19 registers its points need",
                "model 101 at 40140: its points were already placed by an earlier model");
        assertThat(placement.points()).extracting(PointDef::name).doesNotContain("rated_power_kw").doesNotHaveDuplicates();
    }

    @Test
    void everyDeclaredPointHasAUnitARangeAndAUniqueName() {
        assertThat(SunSpecModels.numericPoints()).extracting(SunSpecPoint::name).doesNotHaveDuplicates();
        assertThat(SunSpecModels.numericPoints()).allSatisfy(p -> {
            assertThat(p.unit()).isNotBlank();
            assertThat(p.range().min()).isLessThan(p.range().max());
        });
    }
}
