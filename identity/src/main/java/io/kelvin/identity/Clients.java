package io.kelvin.identity;

import io.kelvin.core.identity.Actor;
import io.kelvin.core.identity.AuditEntry;
import io.kelvin.core.identity.AuditKind;
import io.kelvin.core.identity.AuditLog;
import io.kelvin.core.identity.ClientStore;
import io.kelvin.core.identity.OAuthClient;
import io.kelvin.core.identity.Outcome;
import io.kelvin.core.identity.Role;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Managing OAuth2 clients: add (a generated secret, shown once, stored as a bcrypt hash), rotate the
 * secret, disable, list, and check a client's credentials. Every change is audited.
 */
public final class Clients {

    private final ClientStore clients;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final InstantSource clock;
    private final SecureRandom random;

    public Clients(ClientStore clients, PasswordHasher hasher, AuditLog audit, InstantSource clock, SecureRandom random) {
        this.clients = clients;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
        this.random = random;
    }

    /** A client and the secret it was created or rotated with, shown once and never stored. */
    public record Issued(OAuthClient client, String secret) {
    }

    public Issued add(String clientId, Role role, Set<String> scopes, Actor by, String address) {
        String id = Names.clientId(clientId, "clientId");
        if (role == null) {
            throw new IllegalArgumentException("role: must be one of " + List.of(Role.values()));
        }
        Set<String> granted = Scopes.forClient(role, scopes);
        String secret = Secrets.clientSecret(random);
        Instant now = now();
        OAuthClient client = new OAuthClient(id, hasher.hash(secret), role, granted, true, now, now);
        if (!clients.insert(client)) {
            audit.record(new AuditEntry(by, AuditKind.CLIENT_CREATED, id, address, Outcome.DENIED, "id taken"));
            throw new AlreadyExistsException("clientId: a client '" + id + "' already exists");
        }
        audit.record(new AuditEntry(by, AuditKind.CLIENT_CREATED, id, address, Outcome.SUCCESS,
                "role=" + role + " scopes=" + granted));
        return new Issued(client, secret);
    }

    /** A new secret; the old one stops working at once (tokens already issued run out by themselves). */
    public Issued rotate(String clientId, Actor by, String address) {
        OAuthClient client = existing(clientId);
        String secret = Secrets.clientSecret(random);
        OAuthClient rotated = client.withSecret(hasher.hash(secret), now());
        clients.update(rotated);
        audit.record(new AuditEntry(by, AuditKind.CLIENT_SECRET_ROTATED, client.clientId(), address, Outcome.SUCCESS, ""));
        return new Issued(rotated, secret);
    }

    /** Disabled clients get no tokens, and the tokens they hold are refused. */
    public OAuthClient disable(String clientId, Actor by, String address) {
        OAuthClient client = existing(clientId);
        OAuthClient disabled = client.withEnabled(false);
        clients.update(disabled);
        audit.record(new AuditEntry(by, AuditKind.CLIENT_DISABLED, client.clientId(), address, Outcome.SUCCESS, ""));
        return disabled;
    }

    public List<OAuthClient> list() {
        return clients.all();
    }

    public Optional<OAuthClient> find(String clientId) {
        return clientId == null ? Optional.empty() : clients.find(clientId);
    }

    /** The enabled client whose secret matches; empty otherwise (an unknown id costs the same bcrypt time). */
    public Optional<OAuthClient> authenticate(String clientId, String secret) {
        Optional<OAuthClient> client = find(clientId);
        String given = secret == null ? "" : secret;
        if (client.isEmpty()) {
            hasher.burn(given);
            return Optional.empty();
        }
        boolean matches = hasher.matches(given, client.get().secretHash());
        return matches && client.get().enabled() ? client : Optional.empty();
    }

    private OAuthClient existing(String clientId) {
        String id = Names.clientId(clientId, "clientId");
        return clients.find(id).orElseThrow(() -> new NotFoundException("clientId: no client '" + id + "'"));
    }

    private Instant now() {
        return Instant.ofEpochMilli(clock.millis());
    }
}
