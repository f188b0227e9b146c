package io.kelvin.web.security;

import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/** The caller's network address for the audit trail: the TCP peer (no proxy headers are trusted). */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(RoutingContext context) {
        if (context == null) {
            return "-";
        }
        SocketAddress remote = context.request().remoteAddress();
        return remote == null ? "-" : remote.hostAddress();
    }
}
