package io.kelvin.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free TCP ports for servers that tests start on loopback. */
public final class FreePorts {

    private FreePorts() {
    }

    /**
     * A TCP port that was free on 127.0.0.1 a moment ago. Another process may take it before the
     * caller binds it; tests accept that small race.
     */
    public static int loopback() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
