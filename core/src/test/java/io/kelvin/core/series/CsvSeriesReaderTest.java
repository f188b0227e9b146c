package io.kelvin.core.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CsvSeriesReaderTest {

    private static final Instant T0 = Instant.parse("2023-06-08T00:00:00Z");

    private static TimeSeries read(String csv, CsvSeriesSpec spec) {
        return CsvSeriesReader.read(new StringReader(csv), "test.csv", spec);
    }

    @Test
    void isoRowsBecomeIntervalsStartingAtEachStampWithTheSpacingAsResolution() {
        TimeSeries s = read("time,g\n2023-06-08T00:00:00Z,100\n2023-06-08T00:15:00Z,200\n",
                CsvSeriesSpec.of("carbon", "time", "g", SeriesUnit.G_PER_KWH));

        assertThat(s.intervals()).containsExactly(
                new TimeSeries.Interval(T0, T0.plusSeconds(900), 100),
                new TimeSeries.Interval(T0.plusSeconds(900), T0.plusSeconds(1800), 200));
        assertThat(s.measure()).isEqualTo(Measure.CARBON_INTENSITY);
    }

    @Test
    void poundsPerMegawattHourAreConvertedToGramsPerKilowattHour() {
        // 1 lb = 0.45359237 kg exactly, so 1000 lb/MWh = 453.59237 kg/MWh = 453.59237 g/kWh.
        TimeSeries s = read("t,moer\n2023-06-08T00:00:00Z,1000\n",
                CsvSeriesSpec.of("moer", "t", "moer", SeriesUnit.LB_PER_MWH).withResolution(Duration.ofMinutes(5)));

        assertThat(s.intervals().get(0).value()).isCloseTo(453.59237, within(1e-9));
    }

    @Test
    void aPriceInEuroPerMegawattHourIsReadAsEuroPerKilowattHourWithItsCurrency() {
        assertThat(SeriesUnit.parse("EUR/MWh")).contains(SeriesUnit.PER_MWH);
        assertThat(SeriesUnit.currency("EUR/MWh")).contains(Currency.getInstance("EUR"));
        TimeSeries s = read("t,price\n2023-06-08T00:00:00Z,85.5\n", CsvSeriesSpec.of("da", "t", "price",
                SeriesUnit.PER_MWH).withCurrency(Currency.getInstance("EUR")).withResolution(Duration.ofHours(1)));

        assertThat(s.intervals().get(0).value()).isCloseTo(0.0855, within(1e-12));
        assertThat(s.currency()).contains(Currency.getInstance("EUR"));
    }

    @Test
    void centsPerKilowattHourAndTheEuroAndPoundSignsNameTheirUnitAndCurrency() {
        assertThat(SeriesUnit.parse("ct/kWh")).contains(SeriesUnit.CENTS_PER_KWH);
        assertThat(SeriesUnit.parse("\u00A2/kWh")).contains(SeriesUnit.CENTS_PER_KWH);
        assertThat(SeriesUnit.CENTS_PER_KWH.toCanonical(28.5)).isCloseTo(0.285, within(1e-12));
        assertThat(SeriesUnit.currency("ct/kWh")).isEmpty();
        assertThat(SeriesUnit.parse("\u20AC/MWh")).contains(SeriesUnit.PER_MWH);
        assertThat(SeriesUnit.currency("\u20AC/MWh")).contains(Currency.getInstance("EUR"));
        assertThat(SeriesUnit.currency("\u00A3/MWh")).contains(Currency.getInstance("GBP"));
        // The dollar sign names many currencies: it must be written out.
        assertThat(SeriesUnit.parse("$/MWh")).isEmpty();
    }

    @Test
    void blankAndNaValuesAreGapsThatSlotMeansShowAsNaNNeverAsZero() {
        TimeSeries s = read("t,v\n2023-06-08T00:00:00Z,10\n2023-06-08T00:15:00Z,\n2023-06-08T00:30:00Z,NA\n"
                + "2023-06-08T00:45:00Z,40\n", CsvSeriesSpec.of("v", "t", "v", SeriesUnit.KW));

        double[] means = s.slotMeans(T0, Duration.ofMinutes(15), 4);
        assertThat(means[0]).isEqualTo(10);
        assertThat(means[1]).isNaN();
        assertThat(means[2]).isNaN();
        assertThat(means[3]).isEqualTo(40);
    }

    @Test
    void slotMeansWeighFiveMinuteRowsByTheirOverlapWithEachSlot() {
        TimeSeries s = read("t,v\n2023-06-08T00:00:00Z,3\n2023-06-08T00:05:00Z,6\n2023-06-08T00:10:00Z,9\n"
                + "2023-06-08T00:15:00Z,12\n", CsvSeriesSpec.of("v", "t", "v", SeriesUnit.KW));

        // A slot from 00:10 to 00:25 covers 00:10-00:15 (9) and 00:15-00:20 (12): the rest is a gap.
        assertThat(s.slotMeans(T0, Duration.ofMinutes(15), 1)[0]).isEqualTo(6);
        assertThat(s.slotMeans(T0.plusSeconds(600), Duration.ofMinutes(15), 1)[0]).isEqualTo(10.5);
    }

    @Test
    void theRepeatedLocalHourAtTheAutumnDaylightSavingChangeTakesTheLaterOffset() {
        // Europe/Berlin, 2023-10-29: 03:00 CEST becomes 02:00 CET, so 02:00 and 02:30 occur twice.
        CsvSeriesSpec spec = CsvSeriesSpec.of("v", "t", "v", SeriesUnit.KW)
                .withTimeFormat(TimeFormat.Pattern.of("yyyy-MM-dd HH:mm"), ZoneId.of("Europe/Berlin"))
                .withResolution(Duration.ofMinutes(30));
        TimeSeries s = read("t,v\n2023-10-29 01:30,1\n2023-10-29 02:00,2\n2023-10-29 02:30,3\n"
                + "2023-10-29 02:00,4\n2023-10-29 02:30,5\n2023-10-29 03:00,6\n", spec);

        assertThat(s.intervals()).extracting(TimeSeries.Interval::start).containsExactly(
                Instant.parse("2023-10-28T23:30:00Z"), Instant.parse("2023-10-29T00:00:00Z"),
                Instant.parse("2023-10-29T00:30:00Z"), Instant.parse("2023-10-29T01:00:00Z"),
                Instant.parse("2023-10-29T01:30:00Z"), Instant.parse("2023-10-29T02:00:00Z"));
    }

    @Test
    void aFileListedNewestFirstReadsAsTheSameSeriesEvenAcrossTheAutumnChange() {
        // As data downloaded from an API often comes (EIA's, say): the latest hour first.
        CsvSeriesSpec utc = CsvSeriesSpec.of("v", "period", "value", SeriesUnit.G_PER_KWH);
        TimeSeries newestFirst = read("period,value\n2023-06-08T02:00:00Z,3\n2023-06-08T01:00:00Z,2\n"
                + "2023-06-08T00:00:00Z,1\n", utc);
        assertThat(newestFirst.intervals()).containsExactly(
                new TimeSeries.Interval(T0, T0.plusSeconds(3600), 1),
                new TimeSeries.Interval(T0.plusSeconds(3600), T0.plusSeconds(7200), 2),
                new TimeSeries.Interval(T0.plusSeconds(7200), T0.plusSeconds(10800), 3));

        CsvSeriesSpec berlin = CsvSeriesSpec.of("v", "t", "v", SeriesUnit.KW)
                .withTimeFormat(TimeFormat.Pattern.of("yyyy-MM-dd HH:mm"), ZoneId.of("Europe/Berlin"));
        TimeSeries autumn = read("t,v\n2023-10-29 03:00,4\n2023-10-29 02:00,3\n2023-10-29 02:00,2\n"
                + "2023-10-29 01:00,1\n", berlin);
        assertThat(autumn.intervals()).extracting(TimeSeries.Interval::start, TimeSeries.Interval::value).containsExactly(
                tuple(Instant.parse("2023-10-28T23:00:00Z"), 1.0), tuple(Instant.parse("2023-10-29T00:00:00Z"), 2.0),
                tuple(Instant.parse("2023-10-29T01:00:00Z"), 3.0), tuple(Instant.parse("2023-10-29T02:00:00Z"), 4.0));

        // In no order at all, it is refused at the row that goes back.
        assertThatThrownBy(() -> read("period,value\n2023-06-08T00:00:00Z,1\n2023-06-08T02:00:00Z,3\n"
                + "2023-06-08T01:00:00Z,2\n2023-06-08T03:00:00Z,4\n", utc))
                .hasMessageContaining("line 4: time 2023-06-08T01:00:00Z is not after the row before");
    }

    @Test
    void stampsThatLabelTheEndOfTheirIntervalAreMovedBackByTheResolution() {
        TimeSeries s = read("t,v\n2023-06-08T01:00:00Z,7\n", CsvSeriesSpec.of("v", "t", "v", SeriesUnit.KW)
                .withResolution(Duration.ofHours(1)).withLabel(CsvSeriesSpec.Label.END));

        assertThat(s.intervals()).containsExactly(new TimeSeries.Interval(T0, T0.plusSeconds(3600), 7));
    }

    /** The ENTSO-E Transparency Platform's export: interval cells in local time, "n/e" where nothing is expected. */
    private static CsvSeriesSpec entsoeExport(String pattern) {
        return CsvSeriesSpec.of("da", "MTU (CET/CEST)", "Day-ahead Price [EUR/MWh]", SeriesUnit.PER_MWH)
                .withCurrency(Currency.getInstance("EUR"))
                .withTimeFormat(TimeFormat.Pattern.of(pattern), ZoneId.of("Europe/Berlin"))
                .withLabel(CsvSeriesSpec.Label.INTERVAL);
    }

    @Test
    void intervalCellsGiveEachRowItsOwnLengthSoHourlyRowsThenQuarterHoursReadAsWritten() {
        TimeSeries s = read("\"MTU (CET/CEST)\",\"Day-ahead Price [EUR/MWh]\",\"Currency\"\n"
                + "\"30.09.2025 23:00 - 01.10.2025 00:00\",\"100\",\"EUR\"\n"
                + "\"01.10.2025 00:00 - 01.10.2025 00:15\",\"80\",\"EUR\"\n"
                + "\"01.10.2025 00:15 - 01.10.2025 00:30\",\"n/e\",\"EUR\"\n"
                + "\"01.10.2025 00:30 - 01.10.2025 00:45\",\"60\",\"EUR\"\n", entsoeExport("dd.MM.yyyy HH:mm"));

        Instant midnight = Instant.parse("2025-09-30T22:00:00Z");
        assertThat(s.intervals()).containsExactly(
                new TimeSeries.Interval(midnight.minusSeconds(3600), midnight, 0.1),
                new TimeSeries.Interval(midnight, midnight.plusSeconds(900), 0.08),
                new TimeSeries.Interval(midnight.plusSeconds(1800), midnight.plusSeconds(2700), 0.06));
        // The hour before midnight is one price over all its quarters, and the "n/e" quarter is a gap.
        double[] quarters = s.slotMeans(midnight.minusSeconds(3600), Duration.ofMinutes(15), 7);
        assertThat(quarters).startsWith(0.1, 0.1, 0.1, 0.1, 0.08);
        assertThat(quarters[5]).isNaN();
        assertThat(quarters[6]).isEqualTo(0.06);
    }

    @Test
    void intervalCellsAtTheAutumnChangeWithZoneNotesAreTwoHoursNotOneOrThree() {
        // Europe/Berlin, 2024-10-27: 03:00 CEST becomes 02:00 CET; the export writes the two 02:00 hours so.
        TimeSeries s = read("MTU (CET/CEST),Day-ahead Price [EUR/MWh]\n"
                + "27/10/2024 01:00:00 - 27/10/2024 02:00:00,1\n"
                + "27/10/2024 02:00:00 (CEST) - 27/10/2024 02:00:00 (CET),2\n"
                + "27/10/2024 02:00:00 (CET) - 27/10/2024 03:00:00 (CET),3\n"
                + "27/10/2024 03:00:00 - 27/10/2024 04:00:00,4\n", entsoeExport("dd/MM/yyyy HH:mm:ss"));

        assertThat(s.intervals()).extracting(TimeSeries.Interval::start, TimeSeries.Interval::end).containsExactly(
                tuple(Instant.parse("2024-10-26T23:00:00Z"), Instant.parse("2024-10-27T00:00:00Z")),
                tuple(Instant.parse("2024-10-27T00:00:00Z"), Instant.parse("2024-10-27T01:00:00Z")),
                tuple(Instant.parse("2024-10-27T01:00:00Z"), Instant.parse("2024-10-27T02:00:00Z")),
                tuple(Instant.parse("2024-10-27T02:00:00Z"), Instant.parse("2024-10-27T03:00:00Z")));
    }

    @Test
    void anIntervalCellThatIsNoIntervalOrOverlapsTheRowBeforeIsNamedByLine() {
        assertThatThrownBy(() -> read("MTU (CET/CEST),Day-ahead Price [EUR/MWh]\n"
                + "01.01.2023 00:00 - 01.01.2023 01:00,1\n"
                + "01.01.2023 00:30 - 01.01.2023 01:30,2\n"
                + "01.01.2023 02:00,3\n"
                + "01.01.2023 04:00 - 01.01.2023 03:00,4\n", entsoeExport("dd.MM.yyyy HH:mm")))
                .isInstanceOf(SeriesFormatException.class)
                .hasMessageContaining("line 3: its interval starts at 2022-12-31T23:30:00Z, before the row before ends")
                .hasMessageContaining("line 4: '01.01.2023 02:00' is not an interval 'start - end'")
                .hasMessageContaining("line 5: interval '01.01.2023 04:00 - 01.01.2023 03:00' does not end after it starts");
        assertThatThrownBy(() -> read("MTU (CET/CEST),Day-ahead Price [EUR/MWh]\n01.01.2023 00:00 - 01.01.2023 01:00,1\n",
                entsoeExport("dd.MM.yyyy HH:mm").withResolution(Duration.ofHours(1))))
                .hasMessageContaining("resolution: each row's interval is written in its time cell");
    }

    @Test
    void onlyTheRowsOfTheChosenAreaAreReadFromAFileHoldingSeveral() {
        String csv = """
                "MTU (CET/CEST)","Area","Sequence","Day-ahead Price (EUR/MWh)"
                "01/01/2025 00:00:00 - 01/01/2025 01:00:00","BZN|DE-LU","Without Sequence","10"
                "01/01/2025 00:00:00 - 01/01/2025 01:00:00","BZN|AT","Without Sequence","99"
                "01/01/2025 01:00:00 - 01/01/2025 02:00:00","BZN|DE-LU","Without Sequence","20"
                "01/01/2025 01:00:00 - 01/01/2025 02:00:00","BZN|AT","Without Sequence","98"
                """;
        CsvSeriesSpec spec = CsvSeriesSpec.of("da", "MTU (CET/CEST)", "Day-ahead Price (EUR/MWh)", SeriesUnit.PER_MWH)
                .withCurrency(Currency.getInstance("EUR")).withLabel(CsvSeriesSpec.Label.INTERVAL)
                .withTimeFormat(TimeFormat.Pattern.of("dd/MM/yyyy HH:mm:ss"), ZoneId.of("Europe/Berlin"));

        TimeSeries s = read(csv, spec.withOnly(new CsvSeriesSpec.Only("Area", Set.of("BZN|DE-LU"))));

        assertThat(s.intervals()).extracting(TimeSeries.Interval::value).containsExactly(0.01, 0.02);
        // Without the choice, the second area's rows overlap the first's and are named.
        assertThatThrownBy(() -> read(csv, spec)).hasMessageContaining("line 3: its interval starts at");
        assertThatThrownBy(() -> read(csv, spec.withOnly(new CsvSeriesSpec.Only("Zone", Set.of("DE")))))
                .hasMessageContaining("only.column 'Zone' is not a column");
    }

    @Test
    void numbersWithADecimalCommaAndPointsGroupingThousandsReadAsSmardWritesThem() {
        // The Bundesnetzagentur's SMARD export: semicolons, local times, 1.234,56, "-" where there is no value.
        String csv = """
                Datum von;Datum bis;Deutschland/Luxemburg [\u20AC/MWh] Originalaufl\u00F6sungen
                01.01.2023 00:00;01.01.2023 01:00;-5,17
                01.01.2023 01:00;01.01.2023 02:00;1.234,5
                01.01.2023 02:00;01.01.2023 03:00;-
                01.01.2023 03:00;01.01.2023 04:00;12,5
                """;
        CsvSeriesSpec spec = CsvSeriesSpec.of("da", "Datum von", "3", SeriesUnit.PER_MWH)
                .withCurrency(Currency.getInstance("EUR")).withDelimiter(';')
                .withTimeFormat(TimeFormat.Pattern.of("dd.MM.yyyy HH:mm"), ZoneId.of("Europe/Berlin"));

        TimeSeries s = read(csv, spec.withDecimal(','));

        assertThat(s.intervals()).extracting(TimeSeries.Interval::value)
                .containsExactly(-0.00517, 1.2345, 0.0125);
        assertThat(s.intervals().get(0).start()).isEqualTo(Instant.parse("2022-12-31T23:00:00Z"));
        // Read with a decimal point, the same file is refused row by row, not read as other numbers.
        assertThatThrownBy(() -> read(csv, spec)).hasMessageContaining("line 2: value '-5,17' is not a number");
        assertThatThrownBy(() -> read(csv.replace("12,5", "1,234.5"), spec.withDecimal(',')))
                .hasMessageContaining("line 5: value '1,234.5' is not a number with a decimal comma");
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderIsNotPartOfTheFirstColumnsName() {
        TimeSeries s = read("\uFEFFDatetime (UTC),Carbon Intensity gCO\u2082eq/kWh (LCA)\n2023-06-08 00:00:00,250\n",
                CsvSeriesSpec.of("carbon", "Datetime (UTC)", "Carbon Intensity gCO\u2082eq/kWh (LCA)", SeriesUnit.G_PER_KWH)
                        .withTimeFormat(TimeFormat.Pattern.of("yyyy-MM-dd HH:mm:ss"), ZoneId.of("UTC"))
                        .withResolution(Duration.ofHours(1)));

        assertThat(s.intervals()).containsExactly(new TimeSeries.Interval(T0, T0.plusSeconds(3600), 250));
    }

    @Test
    void everyBadRowIsNamedWithItsLineAndNoSeriesIsReturned() {
        assertThatThrownBy(() -> read("t,v\n2023-06-08T00:00:00Z,1\nyesterday,2\n2023-06-08T00:15:00Z,abc\n"
                + "2023-06-08T00:15:00Z,Infinity\n", CsvSeriesSpec.of("v", "t", "v", SeriesUnit.KW)))
                .isInstanceOf(SeriesFormatException.class)
                .hasMessageContaining("test.csv: line 3: 'yesterday' is not a time in format iso")
                .hasMessageContaining("test.csv: line 4: value 'abc' is not a number")
                .hasMessageContaining("test.csv: line 5: value 'Infinity' is not finite")
                .hasMessageContaining("test.csv: line 5: time 2023-06-08T00:15:00Z is not after the row before");
    }

    @Test
    void aColumnThatIsNotInTheHeaderIsNamedWithTheHeader() {
        assertThatThrownBy(() -> read("time,value\n2023-06-08T00:00:00Z,1\n",
                CsvSeriesSpec.of("v", "time", "carbon", SeriesUnit.G_PER_KWH)))
                .isInstanceOf(SeriesFormatException.class)
                .hasMessage("test.csv: line 1: valueColumn 'carbon' is not a column; the header has [time, value]");
    }

    @Test
    void theShippedWattTimeSeriesReadsWithALocalPatternAndItsFiveMinuteResolution() {
        TimeSeries s = CsvSeriesReader.read(Path.of("../data/vessim/watttime_example.csv"),
                CsvSeriesSpec.of("caiso", "oootime", "Caiso_North", SeriesUnit.G_PER_KWH)
                        .withTimeFormat(TimeFormat.Pattern.of("yyyy-MM-dd HH:mm:ss"), ZoneId.of("UTC")));

        assertThat(s.first()).contains(T0);
        assertThat(s.intervals().get(0).length()).isEqualTo(Duration.ofMinutes(5));
        // First row of the file: 2023-06-08 00:00:00,425.01605069.
        assertThat(s.intervals().get(0).value()).isEqualTo(425.01605069);
    }
}
