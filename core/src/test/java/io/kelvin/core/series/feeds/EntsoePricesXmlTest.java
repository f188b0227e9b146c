package io.kelvin.core.series.feeds;

import static io.kelvin.core.series.feeds.Recorded.bytes;
import static io.kelvin.core.series.feeds.Recorded.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kelvin.core.series.Measure;
import io.kelvin.core.series.TimeSeries;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class EntsoePricesXmlTest {

    private static final Instant DAY = Instant.parse("2025-09-30T22:00:00Z");

    @Test
    void a01HourlyDayGivesTwentyFourHoursInEuroPerKilowattHourWithNegativePricesKept() {
        TimeSeries s = EntsoePricesXml.parse(bytes("entsoe-a01-pt60m.xml"), "entsoe", 1);

        // Position p covers [start + (p-1) h, start + p h); 63.00 EUR/MWh = 0.063 EUR/kWh.
        assertThat(s.measure()).isEqualTo(Measure.PRICE);
        assertThat(s.currency()).contains(Currency.getInstance("EUR"));
        assertThat(s.intervals()).hasSize(24);
        assertThat(s.intervals().get(0)).isEqualTo(new TimeSeries.Interval(DAY, DAY.plusSeconds(3600), 0.063));
        assertThat(s.intervals().get(13).value()).isCloseTo(-0.00525, within(1e-12));
    }

    @Test
    void a03PointsHoldTheirPriceUntilTheNextPositionOrThePeriodEnd() {
        TimeSeries s = EntsoePricesXml.parse(bytes("entsoe-a03-pt15m.xml"), "entsoe", 1);

        // Points at positions 1, 5, 6, 90 of 96 quarter hours: 1..4 share 80.10, 6..89 share 74.50, 90..96 99.99.
        assertThat(s.intervals()).hasSize(4);
        assertThat(s.intervals().get(0).length()).isEqualTo(Duration.ofHours(1));
        assertThat(s.intervals().get(2).start()).isEqualTo(DAY.plus(Duration.ofMinutes(75)));
        assertThat(s.intervals().get(2).end()).isEqualTo(DAY.plus(Duration.ofMinutes(15 * 89)));
        assertThat(s.intervals().get(3).end()).isEqualTo(DAY.plus(Duration.ofDays(1)));
        assertThat(s.slotMeans(DAY, Duration.ofMinutes(15), 96)).doesNotContain(Double.NaN);
    }

    @Test
    void onlyTheWantedClassificationSequenceIsRead() {
        // DE-LU publishes SDAC prices as sequence 1 and EXAA's auction as sequence 2.
        assertThat(EntsoePricesXml.parse(bytes("entsoe-two-sequences.xml"), "e", 1).intervals())
                .allSatisfy(v -> assertThat(v.value()).isEqualTo(0.05));
        assertThat(EntsoePricesXml.parse(bytes("entsoe-two-sequences.xml"), "e", 2).intervals())
                .allSatisfy(v -> assertThat(v.value()).isEqualTo(0.1));
        assertThatThrownBy(() -> EntsoePricesXml.parse(bytes("entsoe-two-sequences.xml"), "e", 3))
                .hasMessageContaining("no TimeSeries of classification sequence 3");
    }

    @Test
    void whereHourlyAndQuarterHourSeriesOverlapTheQuarterHoursWin() {
        TimeSeries s = EntsoePricesXml.parse(bytes("entsoe-hourly-and-quarter.xml"), "e", 1);

        assertThat(s.intervals()).hasSize(96).allSatisfy(v -> assertThat(v.value()).isEqualTo(0.061));
    }

    @Test
    void anAcknowledgementIsReportedWithItsReason() {
        assertThatThrownBy(() -> EntsoePricesXml.parse(bytes("entsoe-acknowledgement.xml"), "entsoe", 1))
                .hasMessageContaining("entsoe: Acknowledgement_MarketDocument: the API answered without data: "
                        + "No matching data found");
    }

    @Test
    void badPointsAreReportedWithTheirPlace() {
        String xml = new String(bytes("entsoe-a01-pt60m.xml"), StandardCharsets.UTF_8)
                .replace("<position>3</position>", "<position>30</position>")
                .replace("<price.amount>72.00</price.amount>", "<price.amount>n/a</price.amount>")
                .replace("<price_Measure_Unit.name>MWH", "<price_Measure_Unit.name>KWH");

        assertThatThrownBy(() -> EntsoePricesXml.parse(text(xml), "e", 1))
                .hasMessageContaining("e: TimeSeries[1].Period[1].Point[3].position: must be 1..24 for this period, was 30")
                .hasMessageContaining("e: TimeSeries[1].Period[1].Point[4]: position '4' or price.amount 'n/a' is not a number")
                .hasMessageContaining("e: TimeSeries[1].price_Measure_Unit.name: must be MWH, was 'KWH'");
    }

    @Test
    void aDoctypeIsRefusedSoNoEntityIsExpanded() {
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <Publication_MarketDocument>&x;</Publication_MarketDocument>""";

        assertThatThrownBy(() -> EntsoePricesXml.parse(text(xml), "e", 1)).hasMessageContaining("is not well-formed XML");
    }
}
