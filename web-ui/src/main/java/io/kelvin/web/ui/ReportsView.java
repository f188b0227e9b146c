package io.kelvin.web.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.streams.DownloadEvent;
import io.kelvin.core.identity.Actor;
import io.kelvin.core.telemetry.StoreUnavailableException;
import io.kelvin.reports.export.ReportFormat;
import io.kelvin.reports.period.ReportPeriod;
import io.kelvin.reports.report.NoDataException;
import io.kelvin.reports.report.ReportSettings;
import io.kelvin.web.api.ReportQuery;
import io.kelvin.web.reporting.KpiSummary;
import io.kelvin.web.reporting.ReportExports;
import io.kelvin.web.reporting.SiteReports;
import io.kelvin.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.InstantSource;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/**
 * Period reports for auditors and administrators: a period ({@code 2026-03}, {@code 2026-Q1},
 * {@code 2026}) or a from/to span in the site's time zone, the report's figures with their status and
 * the lowest GOOD coverage behind each (figures below the completeness threshold marked), the meters,
 * and a download per format. Downloads are the REST export's bytes and are audited the same way.
 * The current month (by the injected clock, in the site's zone) is shown on opening.
 */
@Route(value = "reports", layout = MainLayout.class)
@PageTitle("Kelvin · Reports")
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class ReportsView extends Div {

    private final SiteReports reports;
    private final ReportExports exports;
    private final String user;
    private final TextField period = new TextField("Period");
    private final TextField from = new TextField("From");
    private final TextField to = new TextField("To (exclusive)");
    private final TextField completeness = new TextField("Completeness threshold");
    private final Div message = new Div();
    private final Div summary = new Div();
    private final Div figures = new Div();
    private final Div meters = new Div();
    private final Div downloads = new Div();

    public ReportsView(SiteReports reports, ReportExports exports, InstantSource clock) {
        this.reports = reports;
        this.exports = exports;
        VaadinRequest request = VaadinRequest.getCurrent();
        this.user = request == null || request.getUserPrincipal() == null ? "-" : request.getUserPrincipal().getName();
        addClassName("kelvin-page");
        period.setId("reports-period");
        period.setHelperText("2026-03, 2026-Q1 or 2026");
        period.setClearButtonVisible(true);
        period.setValue(YearMonth.from(clock.instant().atZone(reports.site().info().timezone())).toString());
        from.setId("reports-from");
        from.setHelperText("or a span: 2026-03-05, 2026-03-05T06:00");
        from.setClearButtonVisible(true);
        to.setId("reports-to");
        to.setClearButtonVisible(true);
        completeness.setId("reports-completeness");
        completeness.setValue(Double.toString(ReportSettings.of(reports.site()).completenessThreshold()));
        Button show = new Button("Show", e -> show());
        show.setId("reports-show");
        Div filters = new Div(period, from, to, completeness, show);
        filters.addClassName("kelvin-filters");
        message.setId("reports-message");
        summary.setId("reports-summary");
        figures.setId("reports-figures");
        meters.setId("reports-meters");
        downloads.setId("reports-downloads");
        downloads.addClassName("kelvin-downloads");
        add(new H2("Reports (" + reports.site().info().timezone() + ")"), filters, message, summary, downloads,
                new H3("Figures"), figures, new H3("Meters"), meters);
        show();
    }

    private void show() {
        message.setText("");
        summary.removeAll();
        figures.removeAll();
        meters.removeAll();
        downloads.removeAll();
        ReportPeriod p;
        ReportSettings settings;
        KpiSummary kpis;
        try {
            p = ReportQuery.period(blankToNull(period.getValue()), blankToNull(from.getValue()), blankToNull(to.getValue()),
                    reports.site().info().timezone());
            settings = ReportQuery.settings(completeness.getValue(), ReportSettings.of(reports.site()));
            kpis = KpiSummary.of(reports.build(p, settings));
        } catch (IllegalArgumentException | NoDataException e) {
            message.setText(e.getMessage());
            return;
        } catch (StoreUnavailableException e) {
            message.setText("The telemetry store is not available right now; try again shortly.");
            return;
        }
        summary.add(line("Site", kpis.site()), line("Period", kpis.period().label() + " (" + kpis.period().kind()
                        .toLowerCase(Locale.ROOT) + ", " + kpis.period().zone() + ")"),
                line("PUE designation", kpis.pueDesignation()),
                line("GB 40879-2021 grade", kpis.gb40879Grade() == null ? "not available: no PUE" : kpis.gb40879Grade()),
                line("Completeness threshold", percent(kpis.completenessThreshold()) + " %"));
        figures.getElement().appendChild(figureTable(kpis.figures()));
        meters.getElement().appendChild(meterTable(kpis.meters()));
        for (ReportFormat format : ReportFormat.values()) {
            Anchor link = new Anchor((DownloadEvent event) -> download(event, p, settings, format),
                    format.name().toLowerCase(Locale.ROOT).equals("eed") ? "EED pack (JSON)" : format.name());
            link.setId("reports-download-" + format.name().toLowerCase(Locale.ROOT));
            downloads.add(link);
        }
    }

    private void download(DownloadEvent event, ReportPeriod p, ReportSettings settings, ReportFormat format) {
        String address = event.getRequest() == null ? "-" : event.getRequest().getRemoteAddr();
        try {
            ReportExports.Export export = exports.export(p, settings, format, Actor.user(user), address);
            event.setFileName(export.fileName());
            event.setContentType(export.mediaType());
            event.setContentLength(export.bytes().length);
            event.getResponse().setHeader("X-Content-SHA256", export.sha256());
            try (OutputStream out = event.getOutputStream()) {
                out.write(export.bytes());
            }
        } catch (NoDataException e) {
            sendError(event, e.getMessage());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void sendError(DownloadEvent event, String text) {
        try {
            event.getResponse().sendError(404, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Element figureTable(List<KpiSummary.FigureRow> rows) {
        Element table = table("Symbol", "Figure", "Value", "Unit", "Status", "Lowest meter coverage (%)", "Note");
        for (KpiSummary.FigureRow row : rows) {
            Element tr = new Element("tr");
            tr.setAttribute("data-kpi", row.kpi());
            tr.getClassList().add("status-" + row.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            cells(tr, row.symbol(), row.title(), row.value() == null ? "" : row.value().toPlainString(), row.unit(),
                    status(row.status()), row.worstCoverage() == null ? "" : percent(row.worstCoverage()),
                    row.reason() == null ? "" : row.reason());
            table.appendChild(tr);
        }
        return table;
    }

    private static Element meterTable(List<KpiSummary.MeterRow> rows) {
        Element table = table("Meter", "Role", "Method", "Source", "Amount", "Unit", "GOOD coverage (%)", "Note");
        for (KpiSummary.MeterRow row : rows) {
            Element tr = new Element("tr");
            tr.setAttribute("data-meter", row.meter());
            cells(tr, row.meter(), row.role().toLowerCase(Locale.ROOT), row.method().toLowerCase(Locale.ROOT), row.source(),
                    row.amount().toPlainString(), row.unit(), percent(row.coverage()), row.note() == null ? "" : row.note());
            table.appendChild(tr);
        }
        return table;
    }

    private static String status(KpiSummary.Status status) {
        return switch (status) {
            case COMPLETE -> "complete";
            case BELOW_THRESHOLD -> "\u26a0 below threshold";
            case UNAVAILABLE -> "unavailable";
        };
    }

    private static Element table(String... headers) {
        Element table = new Element("table");
        table.getClassList().add("kelvin-report-table");
        Element head = new Element("tr");
        for (String header : headers) {
            head.appendChild(new Element("th").setText(header));
        }
        table.appendChild(head);
        return table;
    }

    private static void cells(Element tr, String... texts) {
        for (String text : texts) {
            tr.appendChild(new Element("td").setText(text));
        }
    }

    private static Div line(String label, String value) {
        Div div = new Div();
        div.setText(label + ": " + value);
        return div;
    }

    private static String percent(BigDecimal share) {
        return share.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
