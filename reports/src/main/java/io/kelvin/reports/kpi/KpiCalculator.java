package io.kelvin.reports.kpi;

import io.kelvin.core.site.GridConnection;
import io.kelvin.core.site.MeterRole;
import io.kelvin.core.site.Site;
import io.kelvin.reports.kpi.RoleTotals.Term;
import io.kelvin.reports.metering.MeterAccount;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Computes every {@link Kpi} over a span from the site's meter accounts, each by the formula its
 * {@link Kpi} states. A figure is unavailable when a meter role it needs is missing from the site,
 * when its meters hold no GOOD data at all, when a denominator is zero, or when an emission factor
 * is not given; it is marked {@link Completeness#BELOW_THRESHOLD} when any meter behind it is
 * covered less than {@code threshold} of the span.
 */
public final class KpiCalculator {

    private final Site site;
    private final List<MeterAccount> accounts;
    private final double threshold;
    private final Emissions emissions;

    public KpiCalculator(Site site, List<MeterAccount> accounts, double threshold) {
        this.site = site;
        this.accounts = List.copyOf(accounts);
        this.threshold = threshold;
        this.emissions = new Emissions(site, this.accounts);
    }

    public Map<Kpi, Figure> over(Instant from, Instant to) {
        RoleTotals totals = new RoleTotals(accounts, from, to);
        Map<Kpi, Figure> out = new EnumMap<>(Kpi.class);
        energies(totals, out);
        double contracted = ContractAllocation.kwh(site.renewables(), from, to, site.info().timezone());
        renewables(totals, contracted, out);
        emissions(totals, from, to, out);
        ratios(out);
        return out;
    }

    private void energies(RoleTotals totals, Map<Kpi, Figure> out) {
        Term grid = totals.grid();
        Term onSite = totals.role(MeterRole.PV).plus(totals.role(MeterRole.WIND));
        out.put(Kpi.E_GRID, measured(Kpi.E_GRID, grid, MeterRole.GRID_IMPORT));
        out.put(Kpi.E_DC, totals.role(MeterRole.GRID_IMPORT).exists()
                ? measured(Kpi.E_DC, grid.plus(onSite), MeterRole.GRID_IMPORT)
                : unavailable(Kpi.E_DC, "no grid_import meter in the site", grid));
        out.put(Kpi.E_IT, measured(Kpi.E_IT, totals.role(MeterRole.IT_LOAD), MeterRole.IT_LOAD));
        out.put(Kpi.E_GRID_EXPORT, totals.export().exists() ? measured(Kpi.E_GRID_EXPORT, totals.export(), MeterRole.GRID_EXPORT)
                : unavailable(Kpi.E_GRID_EXPORT, "export is not metered separately (a signed grid meter nets it)", Term.NONE));
        out.put(Kpi.E_PV, measured(Kpi.E_PV, totals.role(MeterRole.PV), MeterRole.PV));
        out.put(Kpi.E_WIND, measured(Kpi.E_WIND, totals.role(MeterRole.WIND), MeterRole.WIND));
        out.put(Kpi.E_COOLING, measured(Kpi.E_COOLING, totals.role(MeterRole.COOLING), MeterRole.COOLING));
        out.put(Kpi.E_CONVERSION_INPUT, measured(Kpi.E_CONVERSION_INPUT, totals.role(MeterRole.POWER_CONVERSION_INPUT),
                MeterRole.POWER_CONVERSION_INPUT));
        out.put(Kpi.E_OTHER, measured(Kpi.E_OTHER, totals.role(MeterRole.LIGHTING_AND_OTHER), MeterRole.LIGHTING_AND_OTHER));
        out.put(Kpi.E_REUSE, measured(Kpi.E_REUSE, totals.role(MeterRole.HEAT_EXPORT), MeterRole.HEAT_EXPORT));
        out.put(Kpi.WATER, measured(Kpi.WATER, totals.role(MeterRole.WATER), MeterRole.WATER));
    }

    private void renewables(RoleTotals totals, double contracted, Map<Kpi, Figure> out) {
        Term generated = totals.role(MeterRole.PV).plus(totals.role(MeterRole.WIND));
        Term exported = totals.export();
        Term used = new Term(Math.max(0, generated.amount() - exported.amount()), generated.plus(exported).coverage());
        if (!generated.exists()) {
            out.put(Kpi.E_REN_ONSITE, value(Kpi.E_REN_ONSITE, 0, Term.NONE));
        } else if (!generated.measuredAnything()) {
            out.put(Kpi.E_REN_ONSITE, unavailable(Kpi.E_REN_ONSITE, "no GOOD data from the PV and wind meters", used));
        } else {
            out.put(Kpi.E_REN_ONSITE, value(Kpi.E_REN_ONSITE, used.amount(), used));
        }
        out.put(Kpi.E_REN_CONTRACTED, value(Kpi.E_REN_CONTRACTED, contracted, Term.NONE));
        if (out.get(Kpi.E_DC) instanceof Figure.Value dc) {
            double onSite = out.get(Kpi.E_REN_ONSITE) instanceof Figure.Value v ? v.value() : 0;
            Term all = new Term(Math.min(dc.value(), onSite + contracted), merge(dc, used));
            out.put(Kpi.E_REN, value(Kpi.E_REN, all.amount(), all));
        } else {
            out.put(Kpi.E_REN, unavailable(Kpi.E_REN, "E_DC is unavailable, so E_ren cannot be capped at it", used));
        }
    }

    private void emissions(RoleTotals totals, Instant from, Instant to, Map<Kpi, Figure> out) {
        out.put(Kpi.CO2_LOCATION, emission(Kpi.CO2_LOCATION, GridConnection.CarbonMethod.LOCATION, totals.grid(), from, to));
        out.put(Kpi.CO2_MARKET, emission(Kpi.CO2_MARKET, GridConnection.CarbonMethod.MARKET, totals.grid(), from, to));
    }

    private Figure emission(Kpi kpi, GridConnection.CarbonMethod method, Term grid, Instant from, Instant to) {
        if (!grid.exists() || !grid.measuredAnything()) {
            return unavailable(kpi, "no GOOD grid data", grid);
        }
        return switch (emissions.over(method, from, to)) {
            case Emissions.Kg kg -> value(kpi, kg.kg(), grid);
            case Emissions.Missing missing -> unavailable(kpi, missing.reason(), grid);
        };
    }

    private void ratios(Map<Kpi, Figure> out) {
        Figure it = out.get(Kpi.E_IT);
        out.put(Kpi.PUE, ratio(Kpi.PUE, out.get(Kpi.E_DC), it, 0));
        out.put(Kpi.PPUE_COOLING, ratio(Kpi.PPUE_COOLING, out.get(Kpi.E_COOLING), it, 1));
        out.put(Kpi.PPUE_POWER, ratio(Kpi.PPUE_POWER, out.get(Kpi.E_CONVERSION_INPUT), it, 0));
        out.put(Kpi.ERF, ratio(Kpi.ERF, out.get(Kpi.E_REUSE), out.get(Kpi.E_DC), 0));
        out.put(Kpi.REF, ratio(Kpi.REF, out.get(Kpi.E_REN), out.get(Kpi.E_DC), 0));
        out.put(Kpi.CUE_LOCATION, ratio(Kpi.CUE_LOCATION, out.get(Kpi.CO2_LOCATION), it, 0));
        out.put(Kpi.CUE_MARKET, ratio(Kpi.CUE_MARKET, out.get(Kpi.CO2_MARKET), it, 0));
        out.put(Kpi.WUE, ratio(Kpi.WUE, out.get(Kpi.WATER), it, 0));
    }

    /** {@code (numerator + plusDenominator x denominator) / denominator}: plain ratios, or (E_IT + E_x) / E_IT. */
    private Figure ratio(Kpi kpi, Figure numerator, Figure denominator, int plusDenominator) {
        Term both = new Term(0, merge(numerator, denominator));
        if (numerator instanceof Figure.Unavailable n) {
            return unavailable(kpi, n.kpi().symbol() + " is unavailable: " + n.reason(), both);
        }
        if (denominator instanceof Figure.Unavailable d) {
            return unavailable(kpi, d.kpi().symbol() + " is unavailable: " + d.reason(), both);
        }
        double num = ((Figure.Value) numerator).value();
        double den = ((Figure.Value) denominator).value();
        if (den <= 0) {
            return unavailable(kpi, denominator.kpi().symbol() + " is not above 0", both);
        }
        return value(kpi, (num + plusDenominator * den) / den, both);
    }

    private static List<MeterCoverage> merge(Figure a, Term b) {
        return new Term(0, a.coverage()).plus(b).coverage();
    }

    private static List<MeterCoverage> merge(Figure a, Figure b) {
        return new Term(0, a.coverage()).plus(new Term(0, b.coverage())).coverage();
    }

    private Figure measured(Kpi kpi, Term term, MeterRole role) {
        if (!term.exists()) {
            return unavailable(kpi, "no " + role.name().toLowerCase(Locale.ROOT) + " meter in the site", term);
        }
        if (!term.measuredAnything()) {
            return unavailable(kpi, "no GOOD data from its meters in the period", term);
        }
        return value(kpi, term.amount(), term);
    }

    private Figure value(Kpi kpi, double value, Term term) {
        boolean below = term.coverage().stream().anyMatch(c -> c.share() < threshold);
        return new Figure.Value(kpi, value, distinct(term.coverage()),
                below ? Completeness.BELOW_THRESHOLD : Completeness.COMPLETE);
    }

    private static Figure unavailable(Kpi kpi, String reason, Term term) {
        return new Figure.Unavailable(kpi, reason, distinct(term.coverage()));
    }

    /** A meter can reach a figure through two terms (E_DC and E_ren both hold PV): list it once. */
    private static List<MeterCoverage> distinct(List<MeterCoverage> coverage) {
        return coverage.stream().distinct().toList();
    }
}
