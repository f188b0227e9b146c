package io.kelvin.reports.report;

import io.kelvin.core.dr.DrEventStore;
import io.kelvin.core.reporting.PlanOutcomeHistory;
import io.kelvin.core.site.Meter;
import io.kelvin.core.site.MeterRole;
import io.kelvin.core.site.PueCategory;
import io.kelvin.core.site.Site;
import io.kelvin.core.telemetry.TelemetryStore;
import io.kelvin.reports.kpi.ContractAllocation;
import io.kelvin.reports.kpi.Figure;
import io.kelvin.reports.kpi.Gb40879Grade;
import io.kelvin.reports.kpi.Kpi;
import io.kelvin.reports.kpi.KpiCalculator;
import io.kelvin.reports.metering.MeterAccount;
import io.kelvin.reports.metering.MeteringMethod;
import io.kelvin.reports.period.ReportPeriod;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Builds a {@link Report} of a site over a period from the telemetry store: reads every meter once
 * ({@link MeterAccount}), computes the KPIs over the period and over each day (or month), and adds
 * the PUE designation, the GB 40879 grade, the renewable contracts and the sections fed by other
 * sources. It reads no clock; a REST resource or the CLI only calls {@link #build}.
 */
public final class ReportEngine {

    private final TelemetryStore store;
    private final Optional<DrEventStore> demandResponse;
    private final Optional<PlanOutcomeHistory> planOutcomes;

    /**
     * @param demandResponse where the site's demand-response events and their caps are kept (the state
     *        database); empty when the report is made without it, which the section then says
     */
    public ReportEngine(TelemetryStore store, Optional<DrEventStore> demandResponse,
            Optional<PlanOutcomeHistory> planOutcomes) {
        this.store = store;
        this.demandResponse = demandResponse;
        this.planOutcomes = planOutcomes;
    }

    /** A report from the store alone: the demand-response and savings sections say they have no source. */
    public ReportEngine(TelemetryStore store) {
        this(store, Optional.empty(), Optional.empty());
    }

    /**
     * @param dataSource what the data came from, stated in the report (e.g. "rrd4j store")
     * @throws NoDataException when no meter has GOOD data in the period
     */
    public Report build(Site site, ReportPeriod period, ReportSettings settings, String dataSource) {
        List<MeterAccount> accounts = site.meters().stream()
                .map(m -> MeterAccount.read(store, m, period.start(), period.end())).toList();
        List<MeterLine> meters = accounts.stream().map(a -> line(a, period)).toList();
        if (meters.stream().noneMatch(m -> m.measured().covered().isPositive())) {
            throw new NoDataException("no GOOD data from any of the " + meters.size() + " meters of site "
                    + site.info().id() + " between " + period.from().toLocalDateTime() + " and "
                    + period.to().toLocalDateTime() + " (" + period.zone() + ") in the " + dataSource);
        }
        KpiCalculator calculator = new KpiCalculator(site, accounts, settings.completenessThreshold());
        List<IntervalLine> intervals = period.intervals().stream()
                .map(i -> new IntervalLine(i, calculator.over(i.start(), i.end()))).toList();
        var figures = calculator.over(period.start(), period.end());
        Designation designation = designation(site, period);
        Optional<Gb40879Grade> grade = figures.get(Kpi.PUE) instanceof Figure.Value pue
                ? Optional.of(Gb40879Grade.of(pue.value())) : Optional.empty();
        List<ContractLine> contracts = site.renewables().stream()
                .map(c -> new ContractLine(c, ContractAllocation.kwh(c, period.start(), period.end(), period.zone())))
                .filter(c -> c.allocatedKwh() > 0).toList();
        List<Section> sections = List.of(DemandResponsePerformance.section(demandResponse, store, site, period),
                Sections.savings(planOutcomes, period));
        return new Report(site, period, settings, dataSource, figures, designation, grade, meters, intervals,
                contracts, sections);
    }

    private static MeterLine line(MeterAccount account, ReportPeriod period) {
        Meter meter = account.meter();
        String source = account.method() == MeteringMethod.COUNTER
                ? meter.counter().orElseThrow().point() + meter.counter().orElseThrow().reversePoint()
                        .map(r -> " - " + r).orElse("")
                : meter.point().toString();
        return new MeterLine(meter, account.method(), source, account.over(period.start(), period.end()),
                account.reverseOver(period.start(), period.end()), account.events(), account.fallbackReason());
    }

    private static Designation designation(Site site, ReportPeriod period) {
        List<PueCategory> categories = new ArrayList<>();
        for (Meter meter : site.meters(MeterRole.IT_LOAD)) {
            meter.category().filter(c -> !categories.contains(c)).ifPresent(categories::add);
        }
        Optional<PueCategory> lowest = categories.stream().min(Comparator.naturalOrder());
        return new Designation(lowest, categories.size() > 1, period.isInterim());
    }
}
