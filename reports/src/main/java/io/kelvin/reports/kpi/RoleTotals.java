package io.kelvin.reports.kpi;

import io.kelvin.core.site.MeterRole;
import io.kelvin.reports.metering.Measured;
import io.kelvin.reports.metering.MeterAccount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The meters of each role summed over one span, with every meter's coverage kept, and the grid
 * export that reverse registers measured.
 */
final class RoleTotals {

    /** A role's sum: amount in kWh or litres, coverage per meter, and whether the site has such meters. */
    record Term(double amount, List<MeterCoverage> coverage) {

        static final Term NONE = new Term(0, List.of());

        boolean exists() {
            return !coverage.isEmpty();
        }

        boolean measuredAnything() {
            return coverage.stream().anyMatch(c -> c.covered().isPositive());
        }

        Term plus(Term other) {
            List<MeterCoverage> all = new ArrayList<>(coverage);
            all.addAll(other.coverage);
            return new Term(amount + other.amount, all);
        }

        Term minus(Term other) {
            List<MeterCoverage> all = new ArrayList<>(coverage);
            all.addAll(other.coverage);
            return new Term(amount - other.amount, all);
        }
    }

    private final Map<MeterRole, Term> byRole = new EnumMap<>(MeterRole.class);
    private final Term reverseExport;

    RoleTotals(List<MeterAccount> accounts, Instant from, Instant to) {
        Term reverse = Term.NONE;
        for (MeterAccount account : accounts) {
            Measured measured = account.over(from, to);
            Term term = new Term(measured.amount(), List.of(coverage(account, measured)));
            byRole.merge(account.meter().role(), term, Term::plus);
            if (account.meter().role() == MeterRole.GRID_IMPORT) {
                for (Measured back : account.reverseOver(from, to).stream().toList()) {
                    reverse = reverse.plus(new Term(back.amount(), List.of(coverage(account, back))));
                }
            }
        }
        this.reverseExport = reverse;
    }

    private static MeterCoverage coverage(MeterAccount account, Measured measured) {
        return new MeterCoverage(account.meter().id(), account.method(), measured.covered(), measured.span());
    }

    Term role(MeterRole role) {
        return byRole.getOrDefault(role, Term.NONE);
    }

    /** Net grid import: GRID_IMPORT meters (net of their reverse registers) minus GRID_EXPORT meters. */
    Term grid() {
        return role(MeterRole.GRID_IMPORT).minus(role(MeterRole.GRID_EXPORT));
    }

    /** Export metered on its own: GRID_EXPORT meters and reverse registers of GRID_IMPORT counters. */
    Term export() {
        return role(MeterRole.GRID_EXPORT).plus(reverseExport);
    }
}
