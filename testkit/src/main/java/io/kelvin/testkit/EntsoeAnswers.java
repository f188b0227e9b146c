package io.kelvin.testkit;

import java.time.Duration;
import java.time.Instant;

/** ENTSO-E day-ahead price answers (A44 Publication_MarketDocument) for tests, built as the API writes them. */
public final class EntsoeAnswers {

    private EntsoeAnswers() {
    }

    /**
     * One A01 series of {@code hours} hourly points from {@code start} in {@code currency} per MWh, the price at
     * position p (1-based) being {@code base + p}.
     */
    public static String hourly(Instant start, int hours, String currency, int base) {
        StringBuilder s = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Publication_MarketDocument xmlns="urn:iec62325.351:tc57wg16:451-3:publicationdocument:7:3">
                  <type>A44</type>
                  <TimeSeries><currency_Unit.name>""").append(currency).append("""
                </currency_Unit.name><price_Measure_Unit.name>MWH</price_Measure_Unit.name>
                    <curveType>A01</curveType><Period>""");
        s.append("<timeInterval><start>").append(start).append("</start><end>").append(start.plus(Duration.ofHours(hours)))
                .append("</end></timeInterval><resolution>PT60M</resolution>");
        for (int p = 1; p <= hours; p++) {
            s.append("<Point><position>").append(p).append("</position><price.amount>").append(base + p)
                    .append("</price.amount></Point>");
        }
        return s.append("</Period></TimeSeries></Publication_MarketDocument>").toString();
    }
}
