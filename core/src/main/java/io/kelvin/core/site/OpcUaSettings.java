package io.kelvin.core.site;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How Kelvin talks to one OPC UA device, from its entry in the site file. {@code mode}: SUBSCRIBE
 * (the default; falls back to POLL by itself when the server refuses subscriptions) or POLL (read
 * every node at its sampling interval). {@code security}: the endpoint Kelvin picks and who it says
 * it is.
 */
public record OpcUaSettings(AcquisitionMode mode, Security security) {

    public static final OpcUaSettings DEFAULT = new OpcUaSettings(AcquisitionMode.SUBSCRIBE, Security.NONE);

    public enum AcquisitionMode { SUBSCRIBE, POLL }

    /** OPC UA security policies Kelvin offers (Part 7, 6.6); NONE is plain text, for labs and demos. */
    public enum Policy { NONE, BASIC256SHA256, AES128_SHA256_RSAOAEP }

    /** Message security mode (Part 4, 7.15). */
    public enum MessageMode { NONE, SIGN, SIGN_AND_ENCRYPT }

    /**
     * Endpoint security and user identity. Without {@code user} the session is anonymous. The password
     * is never in the site file: it is read at connect time from the environment variable
     * {@code passwordEnv} or from the file {@code passwordFile} (first line). {@code trustUnknownServer}
     * accepts a server certificate that is not in the trust directory (with a warning in the log).
     */
    public record Security(Policy policy, MessageMode mode, Optional<String> user, Optional<String> passwordEnv,
                           Optional<Path> passwordFile, boolean trustUnknownServer) {

        public static final Security NONE = new Security(Policy.NONE, MessageMode.NONE, Optional.empty(),
                Optional.empty(), Optional.empty(), false);

        public boolean isSecured() {
            return policy != Policy.NONE;
        }
    }
}
