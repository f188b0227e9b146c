package io.kelvin.web.api;

import io.kelvin.core.identity.AuditKind;
import io.kelvin.core.identity.AuditQuery;
import io.kelvin.core.identity.AuditRecord;
import io.kelvin.identity.audit.AuditTrail;
import io.kelvin.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The audit trail, newest first: {@code from} (inclusive) and {@code to} (exclusive) ISO-8601 instants,
 * {@code actor} (user name or client id), {@code kind} (an {@link AuditKind}), {@code offset} and
 * {@code limit} (1..1000, default 100). Each record has its seq, time, who, what, target, address,
 * outcome, detail and its place in the hash chain.
 */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class AuditResource {

    private final AuditTrail trail;

    public AuditResource(AuditTrail trail) {
        this.trail = trail;
    }

    public record Page(long total, int offset, int limit, List<Entry> records) {
    }

    public record Entry(long seq, Instant at, String actorKind, String actor, AuditKind kind, String target,
                        String address, String outcome, String detail, String previousHash, String hash) {
        static Entry of(AuditRecord r) {
            return new Entry(r.seq(), r.at(), r.entry().actor().kind().name(), r.entry().actor().name(),
                    r.entry().kind(), r.entry().target(), r.entry().address(), r.entry().outcome().name(),
                    r.entry().detail(), r.previousHash(), r.hash());
        }
    }

    @GET
    public Page search(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("actor") String actor,
                       @QueryParam("kind") String kind, @QueryParam("offset") String offset,
                       @QueryParam("limit") String limit) {
        AuditQuery query = new AuditQuery(instant("from", from), instant("to", to),
                Optional.ofNullable(actor).filter(a -> !a.isBlank()), kind(kind),
                QueryParams.wholeInt("offset", offset, 0), QueryParams.wholeInt("limit", limit, 100));
        return new Page(trail.count(query), query.offset(), query.limit(),
                trail.search(query).stream().map(Entry::of).toList());
    }

    private static Optional<Instant> instant(String name, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text.trim()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": must be an ISO-8601 instant such as 2026-06-01T00:00:00Z");
        }
    }

    private static Optional<AuditKind> kind(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return Arrays.stream(AuditKind.values()).filter(k -> k.name().equalsIgnoreCase(text.trim())).findFirst()
                .or(() -> {
                    throw new IllegalArgumentException("kind: must be one of " + Arrays.toString(AuditKind.values()));
                });
    }
}
