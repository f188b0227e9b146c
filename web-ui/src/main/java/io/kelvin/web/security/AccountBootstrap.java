package io.kelvin.web.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kelvin.core.identity.Actor;
import io.kelvin.core.identity.Role;
import io.kelvin.identity.Accounts;
import io.kelvin.identity.Clients;
import io.kelvin.web.runtime.KelvinSettings;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Accounts made at start. A site whose database has no enabled ADMIN gets one
 * ({@code kelvin.security.first-admin}) with a one-time password printed once to the log; there is no
 * fixed default password. With {@code kelvin.security.demo-accounts} (the demo), every role gets a demo
 * user {@code demo-<role>} with a fresh password and a demo client {@code demo-<role>-client} with a fresh
 * secret at each start, printed and written to {@code DATA_DIR/demo-credentials.json}.
 */
@ApplicationScoped
public class AccountBootstrap {

    private static final Logger LOG = Logger.getLogger(AccountBootstrap.class);
    private static final Actor BY = Actor.system("first-start");

    private final Accounts accounts;
    private final Clients clients;
    private final KelvinSettings settings;
    private final ObjectMapper json;

    AccountBootstrap(Accounts accounts, Clients clients, KelvinSettings settings, ObjectMapper json) {
        this.accounts = accounts;
        this.clients = clients;
        this.settings = settings;
        this.json = json;
    }

    void onStart(@Observes @Priority(20) StartupEvent event) {
        if (!accounts.hasEnabledAdmin()) {
            firstAdmin(settings.security().firstAdmin());
        }
        if (settings.security().demoAccounts()) {
            demoAccounts();
        }
    }

    /** Creates the ADMIN, or gives the existing ADMIN account of that name a new one-time password and enables it. */
    private void firstAdmin(String name) {
        Accounts.Issued admin;
        if (accounts.find(name).isEmpty()) {
            admin = accounts.create(name, Set.of(Role.ADMIN), BY, "-");
        } else if (accounts.find(name).get().roles().contains(Role.ADMIN)) {
            accounts.enable(name, BY, "-");
            admin = accounts.resetPassword(name, BY, "-");
        } else {
            LOG.errorf("No enabled ADMIN, and '%s' exists without the ADMIN role: create one with ./kelvin user add", name);
            return;
        }
        LOG.warnf("%n%n  First start: created the ADMIN user '%s' with the one-time password%n%n      %s%n%n"
                + "  It is shown only this once; log in and choose a new one.%n", name, admin.oneTimePassword());
    }

    /** JSON shape of demo-credentials.json, read by scripts and checks. */
    record DemoUser(String username, String password, String role) {
    }

    record DemoClient(String clientId, String clientSecret, String role, List<String> scopes) {
    }

    private void demoAccounts() {
        Actor by = Actor.system("demo");
        List<DemoUser> users = new ArrayList<>();
        List<DemoClient> demoClients = new ArrayList<>();
        StringBuilder shown = new StringBuilder("\n\n  Demo accounts (also in demo-credentials.json):\n");
        for (Role role : Role.values()) {
            String name = "demo-" + role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            String oneTime = accounts.find(name).isPresent() ? accounts.resetPassword(name, by, "-").oneTimePassword()
                    : accounts.create(name, Set.of(role), by, "-").oneTimePassword();
            String password = io.kelvin.identity.Secrets.password(new java.security.SecureRandom());
            accounts.changePassword(name, oneTime, password, "-");
            users.add(new DemoUser(name, password, role.name()));
            String clientId = name + "-client";
            Clients.Issued client = clients.find(clientId).isPresent() ? clients.rotate(clientId, by, "-")
                    : clients.add(clientId, role, Set.of(), by, "-");
            demoClients.add(new DemoClient(clientId, client.secret(), role.name(),
                    List.copyOf(new java.util.TreeSet<>(client.client().scopes()))));
            shown.append(String.format("    %-14s user %-20s password %s   client %-27s secret %s%n", role, name,
                    password, clientId, client.secret()));
        }
        write(Map.of("users", users, "clients", demoClients));
        LOG.info(shown);
    }

    private void write(Map<String, Object> credentials) {
        Path file = settings.dataDir().toAbsolutePath().normalize().resolve("demo-credentials.json");
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), new java.util.TreeMap<>(credentials));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
