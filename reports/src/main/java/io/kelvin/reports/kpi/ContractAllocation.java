package io.kelvin.reports.kpi;

import io.kelvin.core.site.RenewableContract;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The share of contracted renewable energy that falls in a span: each contract's MWh spread evenly
 * over its time ({@code from} 00:00 to the day after {@code to}, site time),
 * {@code kWh = MWh x 1000 x overlap / contract length}.
 */
public final class ContractAllocation {

    private ContractAllocation() {
    }

    /** kWh of one contract inside {@code [from, to)}. */
    public static double kwh(RenewableContract contract, Instant from, Instant to, ZoneId zone) {
        Instant start = contract.from().atStartOfDay(zone).toInstant();
        Instant end = contract.to().plusDays(1).atStartOfDay(zone).toInstant();
        Instant overlapStart = start.isAfter(from) ? start : from;
        Instant overlapEnd = end.isBefore(to) ? end : to;
        if (!overlapEnd.isAfter(overlapStart)) {
            return 0;
        }
        double share = (double) Duration.between(overlapStart, overlapEnd).toMillis() / Duration.between(start, end).toMillis();
        return contract.mwh() * 1000 * share;
    }

    public static double kwh(List<RenewableContract> contracts, Instant from, Instant to, ZoneId zone) {
        return contracts.stream().mapToDouble(c -> kwh(c, from, to, zone)).sum();
    }
}
