package io.kelvin.core.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UrlTemplateTest {

    private static final Instant NOW = Instant.parse("2026-12-07T13:45:10Z");

    @Test
    void entsoePeriodIsYesterdayToTheDayAfterTomorrowInUtc() {
        UrlTemplate t = new UrlTemplate("https://web-api.tp.entsoe.eu/api?documentType=A44"
                + "&periodStart={from:yyyyMMddHHmm}&periodEnd={to:yyyyMMddHHmm}");

        // ENTSO-E wants yyyyMMddHHmm in UTC; from = 2026-12-06 00:00, to = 2026-12-09 00:00.
        assertThat(t.expand(NOW)).isEqualTo(URI.create("https://web-api.tp.entsoe.eu/api?documentType=A44"
                + "&periodStart=202612060000&periodEnd=202612090000"));
    }

    @Test
    void placeholdersWithoutAPatternAreIsoMinutesAndAPlainUrlStaysAsItIs() {
        assertThat(new UrlTemplate("https://api.carbonintensity.org.uk/intensity/{now}/fw48h").expand(NOW))
                .hasToString("https://api.carbonintensity.org.uk/intensity/2026-12-07T13:45Z/fw48h");
        assertThat(new UrlTemplate("https://x.example/v3/forecast?zone=DE").expand(NOW))
                .hasToString("https://x.example/v3/forecast?zone=DE");
    }

    @Test
    void badTemplatesAreNamed() {
        assertThat(UrlTemplate.problem("https://x.example/{yesterday}")).hasValueSatisfying(p ->
                assertThat(p).contains("is not a URL template"));
        assertThat(UrlTemplate.problem("https://x.example/{from:qqqqqqq}")).isPresent();
        assertThat(UrlTemplate.problem("ftp://x.example/")).hasValueSatisfying(p ->
                assertThat(p).contains("must be an http:// or https:// URL"));
    }
}
