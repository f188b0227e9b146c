package io.kelvin.web.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.kelvin.core.identity.AuditKind;
import io.kelvin.core.identity.AuditQuery;
import io.kelvin.core.identity.AuditRecord;
import io.kelvin.identity.audit.AuditTrail;
import io.kelvin.identity.audit.ChainVerifier;
import io.kelvin.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;

/**
 * The audit trail for auditors and administrators: newest first, filtered by actor and kind, paged as
 * the grid scrolls, with a button that verifies the hash chain and names the first broken record.
 */
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Kelvin · Audit trail")
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class AuditView extends Div {

    private final Grid<AuditRecord> grid = new Grid<>();
    private final TextField actor = new TextField("Actor");
    private final ComboBox<AuditKind> kind = new ComboBox<>("Kind");

    public AuditView(AuditTrail trail) {
        addClassName("kelvin-page");
        actor.setId("audit-actor");
        actor.setClearButtonVisible(true);
        kind.setId("audit-kind");
        kind.setItems(AuditKind.values());
        kind.setClearButtonVisible(true);
        Div verified = new Div();
        verified.setId("audit-verify-result");
        Button verify = new Button("Verify chain", e -> {
            ChainVerifier.Result result = trail.verify();
            verified.setText(result.ok() ? "Chain intact: " + result.checked() + " records."
                    : "Chain broken at " + result.broken().get() + " (" + result.checked() + " records good before it).");
        });
        verify.setId("audit-verify");
        grid.setId("audit-grid");
        grid.addColumn(AuditRecord::seq).setHeader("#").setAutoWidth(true);
        grid.addColumn(r -> r.at().toString()).setHeader("Time (UTC)").setAutoWidth(true);
        grid.addColumn(r -> r.entry().actor().toString()).setHeader("Who").setAutoWidth(true);
        grid.addColumn(r -> r.entry().kind().name()).setHeader("What").setAutoWidth(true);
        grid.addColumn(r -> r.entry().target()).setHeader("Target").setAutoWidth(true);
        grid.addColumn(r -> r.entry().address()).setHeader("From").setAutoWidth(true);
        grid.addColumn(r -> r.entry().outcome().name()).setHeader("Outcome").setAutoWidth(true);
        grid.addColumn(r -> r.entry().detail()).setHeader("Detail").setFlexGrow(1);
        grid.setPageSize(100);
        grid.setItems(query -> trail.search(query(query.getOffset(), query.getLimit())).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, trail.count(query(0, 1))));
        actor.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        kind.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        Div filters = new Div(actor, kind, verify);
        filters.addClassName("kelvin-filters");
        add(new H2("Audit trail"), filters, verified, grid);
    }

    private AuditQuery query(int offset, int limit) {
        Optional<String> who = Optional.ofNullable(actor.getValue()).filter(s -> !s.isBlank()).map(String::trim);
        return new AuditQuery(Optional.empty(), Optional.empty(), who, Optional.ofNullable(kind.getValue()), offset,
                Math.max(1, Math.min(limit, AuditQuery.MAX_LIMIT)));
    }
}
