package io.kelvin.reports.export;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 manifest of an exported file, in the format {@code sha256sum -c} checks:
 * {@code <64 hex digits><two spaces><file name>\n}.
 */
public final class Manifest {

    private Manifest() {
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The manifest line for {@code content} saved as {@code fileName}. */
    public static byte[] line(byte[] content, String fileName) {
        return (sha256(content) + "  " + fileName + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
