package io.kelvin.reports.period;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A report period {@code [from, to)} with its boundaries in the site's time zone: a month, quarter
 * or year starts at local midnight of its first day, so across a daylight-saving change a day may
 * last 23 or 25 hours. {@code from} is inclusive, {@code to} exclusive.
 */
public record ReportPeriod(ZonedDateTime from, ZonedDateTime to, PeriodKind kind) {

    public ReportPeriod {
        Objects.requireNonNull(kind, "kind");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("the period must end after it starts: from " + from.toLocalDateTime()
                    + " to " + to.toLocalDateTime());
        }
        if (!from.getZone().equals(to.getZone())) {
            throw new IllegalArgumentException("both ends of a period are in the site's time zone");
        }
    }

    public static ReportPeriod month(YearMonth month, ZoneId zone) {
        ZonedDateTime start = month.atDay(1).atStartOfDay(zone);
        return new ReportPeriod(start, month.plusMonths(1).atDay(1).atStartOfDay(zone), PeriodKind.MONTH);
    }

    /** Quarter 1..4 of {@code year}. */
    public static ReportPeriod quarter(int year, int quarter, ZoneId zone) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter must be 1..4, was " + quarter);
        }
        YearMonth first = YearMonth.of(year, 3 * quarter - 2);
        return new ReportPeriod(first.atDay(1).atStartOfDay(zone), first.plusMonths(3).atDay(1).atStartOfDay(zone),
                PeriodKind.QUARTER);
    }

    public static ReportPeriod year(int year, ZoneId zone) {
        return new ReportPeriod(LocalDate.of(year, 1, 1).atStartOfDay(zone),
                LocalDate.of(year + 1, 1, 1).atStartOfDay(zone), PeriodKind.YEAR);
    }

    /** The period between two local times; named a month, quarter or year when it is exactly one. */
    public static ReportPeriod between(LocalDateTime from, LocalDateTime to, ZoneId zone) {
        ZonedDateTime start = from.atZone(zone);
        ZonedDateTime end = to.atZone(zone);
        return new ReportPeriod(start, end, kindOf(from, to));
    }

    private static PeriodKind kindOf(LocalDateTime from, LocalDateTime to) {
        if (!from.toLocalTime().equals(LocalTime.MIDNIGHT) || !to.toLocalTime().equals(LocalTime.MIDNIGHT)
                || from.getDayOfMonth() != 1) {
            return PeriodKind.CUSTOM;
        }
        Period length = Period.between(from.toLocalDate(), to.toLocalDate());
        if (length.equals(Period.ofMonths(1))) {
            return PeriodKind.MONTH;
        }
        if (length.equals(Period.ofMonths(3)) && (from.getMonthValue() - 1) % 3 == 0) {
            return PeriodKind.QUARTER;
        }
        return length.equals(Period.ofYears(1)) && from.getMonthValue() == 1 ? PeriodKind.YEAR : PeriodKind.CUSTOM;
    }

    public Instant start() {
        return from.toInstant();
    }

    public Instant end() {
        return to.toInstant();
    }

    public ZoneId zone() {
        return from.getZone();
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    /**
     * ISO/IEC 30134-2 measures PUE over 12 months; a shorter period gives an interim figure. A
     * period counts as 12 months when it reaches a year after its start, in the site's calendar.
     */
    public boolean isInterim() {
        return to.isBefore(from.plusYears(1));
    }

    /**
     * The period cut at local midnights, or at the first of each month when it spans more than 62
     * days: the rows of a report's breakdown and the bars of its charts.
     */
    public List<ReportPeriod> intervals() {
        boolean monthly = monthlyIntervals();
        List<ReportPeriod> out = new ArrayList<>();
        ZonedDateTime start = from;
        while (start.isBefore(to)) {
            ZonedDateTime next = monthly
                    ? start.toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay(zone())
                    : start.toLocalDate().plusDays(1).atStartOfDay(zone());
            ZonedDateTime end = next.isAfter(to) ? to : next;
            out.add(new ReportPeriod(start, end, monthly && isWholeMonth(start, end) ? PeriodKind.MONTH : PeriodKind.CUSTOM));
            start = end;
        }
        return List.copyOf(out);
    }

    /** True when the intervals are months rather than days. */
    public boolean monthlyIntervals() {
        return ChronoUnit.DAYS.between(from.toLocalDate(), to.toLocalDate()) > 62;
    }

    private static boolean isWholeMonth(ZonedDateTime start, ZonedDateTime end) {
        return start.getDayOfMonth() == 1 && start.toLocalTime().equals(LocalTime.MIDNIGHT)
                && start.plusMonths(1).equals(end);
    }

    /** A human label: {@code 2026-03}, {@code 2026-Q1}, {@code 2026}, or {@code 2026-03-05 00:00 .. 2026-03-09 00:00}. */
    public String label() {
        return switch (kind) {
            case MONTH -> YearMonth.from(from).toString();
            case QUARTER -> from.getYear() + "-Q" + ((from.getMonthValue() - 1) / 3 + 1);
            case YEAR -> Integer.toString(from.getYear());
            case CUSTOM -> localText(from) + " .. " + localText(to);
        };
    }

    private static String localText(ZonedDateTime time) {
        LocalDateTime local = time.toLocalDateTime();
        return local.toLocalTime().equals(LocalTime.MIDNIGHT) ? local.toLocalDate().toString()
                : local.toLocalDate() + " " + local.toLocalTime();
    }
}
