package io.kelvin.web.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import io.kelvin.identity.Accounts;
import io.kelvin.identity.PasswordPolicy;
import jakarta.annotation.security.PermitAll;

/**
 * A signed-in user changes their own password (current one, new one twice). A user who logged in with a
 * one-time password is sent here before anything else and gets their roles once it is changed.
 */
@Route(value = "password", layout = MainLayout.class)
@PageTitle("Kelvin · Change password")
@PermitAll
public class ChangePasswordView extends Div {

    public ChangePasswordView(Accounts accounts) {
        addClassName("kelvin-page");
        VaadinRequest request = VaadinRequest.getCurrent();
        String user = request.getUserPrincipal().getName();
        boolean oneTime = accounts.find(user).map(a -> a.mustChangePassword()).orElse(false);
        PasswordField current = new PasswordField(oneTime ? "One-time password" : "Current password");
        current.setId("current-password");
        PasswordField next = new PasswordField("New password (at least " + PasswordPolicy.MIN_LENGTH + " characters)");
        next.setId("new-password");
        PasswordField again = new PasswordField("New password again");
        again.setId("new-password-again");
        Paragraph message = new Paragraph();
        message.setId("password-message");
        String address = request.getRemoteAddr();
        Button save = new Button("Change password", e -> {
            if (!next.getValue().equals(again.getValue())) {
                message.setText("The two new passwords differ.");
                return;
            }
            try {
                accounts.changePassword(user, current.getValue(), next.getValue(), address);
                // A full reload, so the next request carries the roles the one-time password withheld.
                getUI().ifPresent(ui -> ui.getPage().setLocation("/"));
            } catch (IllegalArgumentException refused) {
                message.setText(refused.getMessage());
            }
        });
        save.setId("change-password");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2("Change password"));
        if (oneTime) {
            add(new Paragraph("You logged in with a one-time password: choose your own to continue."));
        }
        add(current, next, again, save, message);
    }
}
