package io.kelvin.collectors.modbus;

import static io.kelvin.collectors.TestSites.WIDE;
import static io.kelvin.collectors.TestSites.modbusPoint;
import static io.kelvin.collectors.TestSites.register;
import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.site.DataType;
import io.kelvin.core.site.ModbusQuirks;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.site.PollClass;
import io.kelvin.core.site.PollIntervals;
import io.kelvin.core.site.Register;
import io.kelvin.core.site.RegisterType;
import io.kelvin.core.site.WordOrder;
import io.kelvin.core.site.load.SiteLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class ModbusReadPlanTest {

    private static PointDef holding(String name, int address, DataType type) {
        return modbusPoint(name, register(RegisterType.HOLDING, address, type, WordOrder.ABCD), WIDE, PollClass.FAST);
    }

    @Test
    void neighbouringRegistersAreMergedIntoOneRequest() {
        ModbusReadPlan plan = ModbusReadPlan.of(List.of(
                holding("a", 0, DataType.FLOAT32), holding("b", 2, DataType.FLOAT32), holding("c", 4, DataType.INT16)));

        assertThat(plan.requests(PollClass.FAST)).singleElement()
                .satisfies(r -> {
                    assertThat(r.start()).isZero();
                    assertThat(r.count()).isEqualTo(5);
                    assertThat(r.points()).extracting(PointDef::name).containsExactly("a", "b", "c");
                });
    }

    @Test
    void aGapOfEightRegistersIsReadThroughButNineSplitTheRequest() {
        // a ends at 2; b starts 8 registers later (10), c starts 9 after b ends (11 + 9 = 20)
        ModbusReadPlan plan = ModbusReadPlan.of(List.of(
                holding("a", 0, DataType.FLOAT32), holding("b", 10, DataType.INT16), holding("c", 20, DataType.INT16)));

        assertThat(plan.requests(PollClass.FAST))
                .extracting(ReadRequest::start, ReadRequest::count)
                .containsExactly(Tuple.tuple(0, 11), Tuple.tuple(20, 1));
    }

    @Test
    void noRequestExceeds125Registers() {
        // Modbus Application Protocol v1.1b3, 6.3: FC03 reads 1..125 registers.
        List<PointDef> points = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            points.add(holding("p" + i, i * 2, DataType.FLOAT32));
        }

        List<ReadRequest> requests = ModbusReadPlan.of(points).requests(PollClass.FAST);

        assertThat(requests).allSatisfy(r -> assertThat(r.count()).isLessThanOrEqualTo(125));
        assertThat(requests).extracting(ReadRequest::start, ReadRequest::count).containsExactly(
                Tuple.tuple(0, 124), Tuple.tuple(124, 76));
        assertThat(requests.stream().mapToInt(r -> r.points().size()).sum()).isEqualTo(100);
    }

    @Test
    void aMultiRegisterValueIsNeverSplitAcrossRequests() {
        List<ReadRequest> requests = ModbusReadPlan.of(List.of(
                holding("a", 0, DataType.INT16), holding("b", 122, DataType.FLOAT64))).requests(PollClass.FAST);

        // 0..125 would be 126 registers, so the float64 at 122..125 starts its own request
        assertThat(requests).extracting(ReadRequest::start, ReadRequest::count).containsExactly(
                Tuple.tuple(0, 1), Tuple.tuple(122, 4));
    }

    @Test
    void tablesAndPollClassesAreNeverMixed() {
        List<PointDef> points = List.of(
                holding("h", 0, DataType.INT16),
                modbusPoint("i", register(RegisterType.INPUT, 1, DataType.INT16, WordOrder.ABCD), WIDE, PollClass.FAST),
                modbusPoint("s", register(RegisterType.HOLDING, 1, DataType.INT16, WordOrder.ABCD), WIDE, PollClass.SLOW));

        ModbusReadPlan plan = ModbusReadPlan.of(points);

        assertThat(plan.requests(PollClass.FAST)).extracting(ReadRequest::type)
                .containsExactly(RegisterType.INPUT, RegisterType.HOLDING);
        assertThat(plan.requests(PollClass.SLOW)).singleElement().extracting(ReadRequest::type).isEqualTo(RegisterType.HOLDING);
        assertThat(plan.intervals()).containsExactly(PollClass.FAST.interval(), PollClass.SLOW.interval());
    }

    @Test
    void bitTablesMergeUpTo2000BitsPerRequest() {
        // 6.1: FC01 reads 1..2000 coils
        List<PointDef> points = new ArrayList<>();
        for (int i = 0; i < 2500; i += 5) {
            points.add(modbusPoint("c" + i, register(RegisterType.COIL, i, DataType.BOOL, WordOrder.ABCD), WIDE, PollClass.NORMAL));
        }

        List<ReadRequest> requests = ModbusReadPlan.of(points).requests(PollClass.NORMAL);

        assertThat(requests).extracting(ReadRequest::start, ReadRequest::count).containsExactly(
                Tuple.tuple(0, 1996), Tuple.tuple(2000, 496));
    }

    @Test
    void theDemoChillerProfileNeedsFiveFastAndNormalReads() {
        var profile = SiteLoader.loadProfile(Path.of("../site-configs"), "acme-chiller-3000");

        ModbusReadPlan plan = ModbusReadPlan.of(profile.points());

        // fast: holding 0..3, input 0..3; normal: holding 100, input 4..9 (float32 DCBA at 8), discrete 0..1, coil 0
        assertThat(plan.requests(PollClass.FAST)).extracting(ReadRequest::type, ReadRequest::start, ReadRequest::count)
                .containsExactly(Tuple.tuple(RegisterType.INPUT, 0, 4),
                        Tuple.tuple(RegisterType.HOLDING, 0, 4));
        assertThat(plan.requests(PollClass.NORMAL)).hasSize(4);
        assertThat(plan.all().stream().mapToInt(r -> r.points().size()).sum()).isEqualTo(profile.points().size());
    }

    // --- poll intervals and device quirks ---

    private static PointDef every(String name, int address, PollClass pollClass, Duration own) {
        return new PointDef(name, "1", "", Optional.of(register(RegisterType.HOLDING, address, DataType.INT16,
                WordOrder.ABCD)), Optional.empty(), WIDE, Optional.empty(), pollClass,
                Optional.ofNullable(own));
    }

    @Test
    void pointsAreGroupedByTheirIntervalAndEachIntervalIsPlannedApart() {
        // the profile makes fast 250 ms; d has its own 5 s; b and c stay at NORMAL's 10 s
        PollIntervals intervals = new PollIntervals(
                Map.of(PollClass.FAST, Duration.ofMillis(250)));
        List<PointDef> points = List.of(every("a", 0, PollClass.FAST, null), every("b", 1, PollClass.NORMAL, null),
                every("c", 2, PollClass.NORMAL, null), every("d", 3, PollClass.NORMAL, Duration.ofSeconds(5)));

        ModbusReadPlan plan = ModbusReadPlan.of(points, intervals::of, ModbusQuirks.DEFAULTS);

        assertThat(plan.intervals()).containsExactly(Duration.ofMillis(250), Duration.ofSeconds(5),
                Duration.ofSeconds(10));
        assertThat(plan.requests(Duration.ofSeconds(10))).singleElement()
                .satisfies(r -> assertThat(r.points()).extracting(PointDef::name).containsExactly("b", "c"));
        assertThat(plan.requests(Duration.ofSeconds(5))).singleElement().extracting(ReadRequest::start).isEqualTo(3);
    }

    @Test
    void maxRegistersAndMaxGapOfTheDeviceLimitMerging() {
        List<PointDef> points = List.of(holding("a", 0, DataType.INT16), holding("b", 1, DataType.INT16),
                holding("c", 2, DataType.INT16), holding("d", 4, DataType.INT16));
        ModbusQuirks quirks = new ModbusQuirks(2, 0, Duration.ZERO, io.kelvin.core.site.AddressBase.ZERO,
                false, false, Optional.empty());

        List<ReadRequest> requests = ModbusReadPlan.of(points, p -> PollClass.FAST.interval(), quirks).requests(PollClass.FAST);

        assertThat(requests).extracting(ReadRequest::start, ReadRequest::count).containsExactly(
                Tuple.tuple(0, 2), Tuple.tuple(2, 1),
                Tuple.tuple(4, 1));
    }

    @Test
    void aValueIsReadTogetherWithItsScaleFactorRegister() {
        // SunSpec model 103 at 40070: A at offset 2 (40072), A_SF at offset 6 (40076)
        Register amps = new Register(RegisterType.HOLDING, 40072, DataType.UINT16,
                WordOrder.ABCD, 1, 0, -1, 0, 1, 40076);
        PointDef point = modbusPoint("ac_current_a", amps, WIDE, PollClass.FAST);

        ReadRequest request = ModbusReadPlan.of(List.of(point)).requests(PollClass.FAST).getFirst();

        assertThat(request.start()).isEqualTo(40072);
        assertThat(request.count()).isEqualTo(5);
        assertThat(request.scaleFactorOffsetOf(point)).isEqualTo(4);
    }
}
