package io.kelvin.web.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.theme.lumo.Lumo;

/** Page-wide settings of the dashboard: Lumo, Kelvin's own styles, and server push over WebSocket. */
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("kelvin.css")
public class AppShell implements AppShellConfigurator {
}
