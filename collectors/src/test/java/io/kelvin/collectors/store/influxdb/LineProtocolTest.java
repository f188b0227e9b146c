package io.kelvin.collectors.store.influxdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.site.DeviceClass;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Quality;
import io.kelvin.core.telemetry.Sample;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LineProtocolTest {

    private static final Instant T = Instant.ofEpochMilli(1_736_121_600_123L);
    private static final LineProtocol LINES = new LineProtocol("demo", Map.of("cdu-01", DeviceClass.CDU)::get);

    @Test
    void pointsOfOneDeviceAtOneMillisecondShareOneLineWithTagsInKeyOrder() {
        String lines = LINES.lines(List.of(
                Sample.good(PointId.of("cdu-01", "supply_temp_c"), 18.5, T),
                Sample.good(PointId.of("cdu-01", "flow_lpm"), 1200, T),
                Sample.good(PointId.of("cdu-01", "supply_temp_c"), 18.5, T.plusSeconds(1))));

        // line protocol: measurement,tags fields timestamp; InfluxDB wants tags sorted by key
        assertThat(lines).isEqualTo("""
                cdu,device=cdu-01,site=demo supply_temp_c=18.5,flow_lpm=1200.0 1736121600123
                cdu,device=cdu-01,site=demo supply_temp_c=18.5 1736121601123
                """);
    }

    @Test
    void aBadSampleWithoutAValueWritesOnlyItsQualityAndALaterSampleOfThePointInTheRowWins() {
        PointId flow = PointId.of("cdu-01", "flow_lpm");
        String lines = LINES.lines(List.of(
                Sample.good(flow, 1200, T),
                new Sample(flow, Double.NaN, Quality.COMM_FAILED, T, T),
                new Sample(PointId.of("site", "pue"), Double.NaN, Quality.GOOD, T, T)));

        assertThat(lines).isEqualTo("cdu,device=cdu-01,site=demo flow_lpm_quality=\"COMM_FAILED\" 1736121600123\n");
    }
}
