package io.kelvin.collectors.opcua;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;

/**
 * Whether anything accepts TCP connections at an {@code opc.tcp://host:port} endpoint. A TCP connect
 * costs far less than an OPC UA connect and shows at once when a restarted server is back; Milo's own
 * reconnect backs off to 16 s and more between attempts.
 */
final class PortProbe {

    static final Duration TIMEOUT = Duration.ofMillis(500);

    private PortProbe() {
    }

    static boolean isOpen(String endpoint) {
        try {
            URI uri = URI.create(endpoint);
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), (int) TIMEOUT.toMillis());
                return true;
            }
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
