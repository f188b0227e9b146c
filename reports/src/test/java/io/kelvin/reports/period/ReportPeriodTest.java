package io.kelvin.reports.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aMonthStartsAndEndsAtLocalMidnightInTheSiteZone() {
        ReportPeriod march = PeriodParser.named("2026-03", SHANGHAI);

        // Shanghai is UTC+8 all year
        assertThat(march.start()).isEqualTo(Instant.parse("2026-02-28T16:00:00Z"));
        assertThat(march.end()).isEqualTo(Instant.parse("2026-03-31T16:00:00Z"));
        assertThat(march.kind()).isEqualTo(PeriodKind.MONTH);
        assertThat(march.intervals()).hasSize(31);
    }

    @Test
    void aMonthWithADaylightSavingChangeHasADayOf23Hours() {
        ReportPeriod march = ReportPeriod.month(YearMonth.of(2026, 3), BERLIN);

        // EU summer time starts on the last Sunday of March (29 March 2026): 31 x 24 - 1 hours
        assertThat(march.length()).isEqualTo(Duration.ofHours(743));
        assertThat(march.intervals().get(28).length()).isEqualTo(Duration.ofHours(23));
    }

    @Test
    void quartersAndYearsAreNamedAndAYearIsNotInterim() {
        assertThat(PeriodParser.named("2026-Q2", SHANGHAI).label()).isEqualTo("2026-Q2");
        assertThat(PeriodParser.named("2026-q2", SHANGHAI).from().toLocalDate().toString()).isEqualTo("2026-04-01");
        ReportPeriod year = PeriodParser.named("2026", SHANGHAI);
        assertThat(year.kind()).isEqualTo(PeriodKind.YEAR);
        assertThat(year.isInterim()).isFalse();
        assertThat(year.monthlyIntervals()).isTrue();
        assertThat(year.intervals()).hasSize(12).allMatch(i -> i.kind() == PeriodKind.MONTH);
        // ISO/IEC 30134-2: under 12 months the PUE is interim
        assertThat(PeriodParser.between("2026-01-01", "2026-12-31", SHANGHAI).isInterim()).isTrue();
    }

    @Test
    void twoEndsThatSpanExactlyAMonthOrAQuarterAreNamedSo() {
        assertThat(PeriodParser.between("2026-03-01", "2026-04-01", SHANGHAI).kind()).isEqualTo(PeriodKind.MONTH);
        assertThat(PeriodParser.between("2026-04-01", "2026-07-01", SHANGHAI).kind()).isEqualTo(PeriodKind.QUARTER);
        assertThat(PeriodParser.between("2026-02-01", "2026-05-01", SHANGHAI).kind()).isEqualTo(PeriodKind.CUSTOM);
        assertThat(PeriodParser.between("2026-03-05T06:00", "2026-03-06T06:00", SHANGHAI).label())
                .isEqualTo("2026-03-05 06:00 .. 2026-03-06 06:00");
    }

    @Test
    void aTimeWithAnOffsetIsMovedIntoTheSiteZone() {
        ReportPeriod period = PeriodParser.between("2026-03-01T00:00Z", "2026-03-02T00:00Z", SHANGHAI);

        assertThat(period.from().toLocalDateTime().toString()).isEqualTo("2026-03-01T08:00");
    }

    @Test
    void badPeriodsAreRefusedWithWhatWasWrong() {
        assertThatThrownBy(() -> PeriodParser.between("2026-03-02", "2026-03-01", SHANGHAI))
                .hasMessage("--to 2026-03-01 is not after --from 2026-03-02: a period runs from its start (inclusive) "
                        + "to its end (exclusive)");
        assertThatThrownBy(() -> PeriodParser.between("March", "2026-03-01", SHANGHAI)).hasMessageStartingWith("--from 'March'");
        assertThatThrownBy(() -> PeriodParser.named("2026-13", SHANGHAI)).hasMessageStartingWith("period '2026-13'");
        assertThatThrownBy(() -> PeriodParser.named("last month", SHANGHAI))
                .hasMessage("period 'last month' must look like 2026-03, 2026-Q1 or 2026");
    }
}
