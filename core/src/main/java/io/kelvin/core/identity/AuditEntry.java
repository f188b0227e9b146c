package io.kelvin.core.identity;

import java.util.Objects;

/**
 * One thing to put on record: who ({@code actor}), what ({@code kind}) to which {@code target}
 * (a user name, client id, job id, point id, ...), from which network {@code address} ("-" when not
 * over the network, e.g. the command line), with which {@code outcome}, and a one-line {@code detail}
 * for people ("before=21.0 requested=22.0 readBack=22.0"). The trail adds the time and the chain.
 */
public record AuditEntry(Actor actor, AuditKind kind, String target, String address, Outcome outcome, String detail) {

    /** Longest target and detail kept; longer text is cut, so a hostile input cannot bloat the trail. */
    public static final int MAX_TEXT = 1000;

    public AuditEntry {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(outcome, "outcome");
        target = clip(target == null || target.isBlank() ? "-" : target);
        address = clip(address == null || address.isBlank() ? "-" : address);
        detail = clip(detail == null ? "" : detail);
    }

    private static String clip(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }
}
