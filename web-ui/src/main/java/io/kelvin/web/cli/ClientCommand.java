package io.kelvin.web.cli;

import io.kelvin.core.identity.OAuthClient;
import io.kelvin.core.identity.Role;
import io.kelvin.identity.Clients;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** {@code ./kelvin client add|rotate|disable|list}: OAuth2 clients, audited as the terminal's user. */
final class ClientCommand implements Command {

    @Override
    public String usage() {
        return """
                client add ID --role ROLE [--scopes a,b]   create a client; prints its secret once
                client rotate ID                           a new secret; the old one stops working
                client disable ID                          no new tokens; its tokens are refused
                client list""";
    }

    @Override
    public int run(List<String> raw, CliContext context) {
        Args args = Args.parse(raw);
        Clients clients = context.clients();
        String verb = args.word(0, "client add|rotate|disable|list");
        switch (verb) {
            case "add" -> {
                Role role = Role.parse(args.option("role").orElse(null)).orElseThrow(() ->
                        new IllegalArgumentException("--role: one of " + List.of(Role.values())));
                Set<String> scopes = args.option("scopes").map(s -> new LinkedHashSet<>(Arrays.asList(s.split(","))))
                        .map(s -> (Set<String>) s).orElse(Set.of());
                Clients.Issued issued = clients.add(args.word(1, "ID"), role, scopes, context.actor(), "-");
                context.out().printf("created client %s (%s, scopes %s)%nclient secret: %s%n", issued.client().clientId(),
                        role, String.join(" ", new TreeSet<>(issued.client().scopes())), issued.secret());
            }
            case "rotate" -> {
                Clients.Issued issued = clients.rotate(args.word(1, "ID"), context.actor(), "-");
                context.out().printf("new secret for %s: %s%n", issued.client().clientId(), issued.secret());
            }
            case "disable" -> context.out().printf("disabled %s%n",
                    clients.disable(args.word(1, "ID"), context.actor(), "-").clientId());
            case "list" -> {
                context.out().printf("%-28s %-14s %-9s %s%n", "CLIENT", "ROLE", "STATE", "SCOPES");
                for (OAuthClient c : clients.list()) {
                    context.out().printf("%-28s %-14s %-9s %s%n", c.clientId(), c.role(),
                            c.enabled() ? "enabled" : "disabled", String.join(" ", new TreeSet<>(c.scopes())));
                }
            }
            default -> throw new IllegalArgumentException("client: unknown action '" + verb + "'");
        }
        return 0;
    }
}
