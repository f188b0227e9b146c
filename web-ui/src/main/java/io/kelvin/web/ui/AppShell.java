package io.kelvin.web.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * Page-wide settings of the dashboard: Lumo, Kelvin's own styles, and server push over WebSocket. The
 * browser's own messages go as ordinary requests (WEBSOCKET_XHR), so each is authenticated afresh.
 */
@Push(transport = Transport.WEBSOCKET_XHR)
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("kelvin.css")
public class AppShell implements AppShellConfigurator {
}
