package io.kelvin.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlotSeriesTest {

    private static final Provenance FEED = new Provenance("feed x", Optional.of(Instant.EPOCH), Freshness.Fresh.ok());

    @Test
    void aValueIsNaNExactlyWhereItsBasisIsMissing() {
        assertThatThrownBy(() -> new SlotSeries(new double[] {Double.NaN}, new SlotBasis[] {SlotBasis.FEED}, FEED))
                .hasMessageContaining("NaN exactly when MISSING");
        assertThatThrownBy(() -> new SlotSeries(new double[] {0}, new SlotBasis[] {SlotBasis.MISSING}, FEED))
                .hasMessageContaining("NaN exactly when MISSING");
    }

    @Test
    void fallbackSlotsCountEverythingButFeedAndModel() {
        SlotSeries s = new SlotSeries(new double[] {1, 2, 3, Double.NaN}, new SlotBasis[] {SlotBasis.FEED, SlotBasis.MODEL,
                SlotBasis.LAST_GOOD_DAY, SlotBasis.MISSING}, FEED);

        assertThat(s.fallbackSlots()).isEqualTo(2);
        assertThat(s.isFallback()).isTrue();
        assertThat(new SlotSeries(new double[] {1}, new SlotBasis[] {SlotBasis.FEED}, new Provenance("x", Optional.empty(),
                new Freshness.Stale(Duration.ofHours(3), Duration.ofHours(1), "HTTP 503"))).isFallback()).isTrue();
    }

    @Test
    void aBandKeepsP10BelowAndP90AboveTheMedian() {
        SlotSeries p50 = new SlotSeries(new double[] {10}, new SlotBasis[] {SlotBasis.MODEL}, FEED);

        assertThatThrownBy(() -> new BandSeries(p50, new double[] {11}, new double[] {12}))
                .hasMessageContaining("p10 <= p50 <= p90");
        assertThat(BandSeries.exact(p50).p90()).containsExactly(10.0);
    }

    @Test
    void aRequestCoversAtMostThirtyDays() {
        assertThatThrownBy(() -> ForecastRequest.quarterHours("s", Instant.EPOCH, 31 * 96)).hasMessageContaining("slots");
        assertThat(ForecastRequest.quarterHours("s", Instant.EPOCH, 96).end()).isEqualTo(Instant.EPOCH.plus(Duration.ofDays(1)));
    }
}
