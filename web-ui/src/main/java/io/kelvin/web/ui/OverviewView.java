package io.kelvin.web.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.kelvin.web.overview.Kpi;
import io.kelvin.web.overview.SiteOverview;
import io.kelvin.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

/**
 * The site overview: headline KPIs, every CDU loop, and the last hour of site power. Values come
 * from {@link SiteOverview}; this view only lays them out and refreshes them by server push.
 */
@Route(value = "", layout = MainLayout.class)
@RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.AUDITOR, Roles.ADMIN})
@PageTitle("Kelvin · Site overview")
public class OverviewView extends VerticalLayout {

    static final Duration VALUES_PERIOD = Duration.ofSeconds(1);
    static final Duration CHART_PERIOD = Duration.ofSeconds(10);

    private final SiteOverview overview;
    private final InstantSource clock;
    private final UiTicker ticker;
    private final Map<Kpi, KpiTile> tiles = new LinkedHashMap<>();
    private final CduGrid cduGrid = new CduGrid();
    private final TrendChart trendChart = new TrendChart();
    private final Span updated = new Span();
    private final List<Registration> refreshes = new ArrayList<>();

    public OverviewView(SiteOverview overview, InstantSource clock, UiTicker ticker) {
        this.overview = overview;
        this.clock = clock;
        this.ticker = ticker;
        addClassName("kelvin-page");
        setPadding(false);
        setSpacing(false);

        Div tileRow = new Div();
        tileRow.addClassName("kelvin-tiles");
        for (Kpi kpi : Kpi.SITE_OVERVIEW) {
            KpiTile tile = new KpiTile(kpi);
            tiles.put(kpi, tile);
            tileRow.add(tile);
        }
        trendChart.addClassName("kelvin-chart");
        add(header(), tileRow,
                section("Site power, last hour", trendChart),
                section("Cooling distribution units", cduGrid));
        refreshValues();
        refreshChart();
    }

    private Header header() {
        Span brand = new Span("Kelvin");
        brand.addClassName("kelvin-brand");
        H1 title = new H1(overview.siteName());
        title.setId("site-name");
        Span siteId = new Span(overview.siteId());
        siteId.addClassName("kelvin-site-id");
        updated.setId("last-update");
        updated.addClassName("kelvin-updated");
        Div titles = new Div(brand, title, siteId);
        titles.addClassName("kelvin-titles");
        Header header = new Header(titles, updated);
        header.addClassName("kelvin-header");
        return header;
    }

    private static Div section(String heading, com.vaadin.flow.component.Component body) {
        Div section = new Div(new H2(heading), body);
        section.addClassName("kelvin-section");
        return section;
    }

    private void refreshValues() {
        tiles.forEach((kpi, tile) -> tile.show(overview.kpi(kpi)));
        cduGrid.show(overview.cdus());
        updated.setText("Live · " + overview.localTime(clock.instant()));
    }

    private void refreshChart() {
        trendChart.show(overview.trend(clock.instant()));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        refreshes.add(ticker.push(ui, VALUES_PERIOD, this::refreshValues));
        refreshes.add(ticker.push(ui, CHART_PERIOD, this::refreshChart));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        refreshes.forEach(Registration::remove);
        refreshes.clear();
    }
}
