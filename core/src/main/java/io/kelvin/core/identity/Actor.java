package io.kelvin.core.identity;

import java.util.Objects;

/**
 * Who did something: a person ({@link Kind#USER}, by user name), a machine ({@link Kind#CLIENT}, by
 * OAuth2 client id), Kelvin itself ({@link Kind#SYSTEM}, e.g. {@code cli} or a loop's name), or
 * nobody known ({@link Kind#ANONYMOUS}, e.g. a failed login names what was tried in the audit target).
 */
public record Actor(Kind kind, String name) {

    public enum Kind {
        USER,
        CLIENT,
        SYSTEM,
        ANONYMOUS
    }

    public static final Actor ANONYMOUS = new Actor(Kind.ANONYMOUS, "-");

    public Actor {
        Objects.requireNonNull(kind, "kind");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("actor name: must not be blank");
        }
    }

    public static Actor user(String username) {
        return new Actor(Kind.USER, username);
    }

    public static Actor client(String clientId) {
        return new Actor(Kind.CLIENT, clientId);
    }

    public static Actor system(String name) {
        return new Actor(Kind.SYSTEM, name);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + name;
    }
}
