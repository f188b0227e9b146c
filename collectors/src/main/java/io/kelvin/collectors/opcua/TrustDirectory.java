package io.kelvin.collectors.opcua;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a server certificate is trusted, by pinning: the server's own certificate must be in
 * the trusted folder, byte for byte, and inside its validity period. The folder is read at every check,
 * so a certificate moved there is trusted from the next connection attempt on, without a restart.
 * An unknown certificate is written to the rejected folder as {@code <thumbprint>.der} and refused, with a
 * message that says how to trust it; with {@code trustUnknownServer} it is accepted with a warning.
 */
final class TrustDirectory implements CertificateValidator {

    private static final Logger LOG = LoggerFactory.getLogger(TrustDirectory.class);

    private final String device;
    private final Path trusted;
    private final Path rejected;
    private final boolean trustUnknown;
    private volatile String refusal;

    TrustDirectory(String device, Path trusted, Path rejected, boolean trustUnknown) {
        this.device = device;
        this.trusted = trusted;
        this.rejected = rejected;
        this.trustUnknown = trustUnknown;
    }

    @Override
    public void validateCertificateChain(List<X509Certificate> chain, String applicationUri, String[] hostNames)
            throws UaException {
        if (chain.isEmpty()) {
            throw refuse(StatusCodes.Bad_SecurityChecksFailed, "server sent no certificate");
        }
        X509Certificate server = chain.get(0);
        try {
            server.checkValidity();
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw refuse(StatusCodes.Bad_CertificateTimeInvalid, "server certificate " + describe(server)
                    + " is outside its validity period (" + server.getNotBefore() + " .. " + server.getNotAfter() + ")");
        }
        if (isTrusted(server)) {
            return;
        }
        if (trustUnknown) {
            LOG.warn("opcua {}: accepting the untrusted server certificate {} because the site file says"
                    + " trustUnknownServer: true", device, describe(server));
            return;
        }
        Path file = rejected.resolve(thumbprint(server) + ".der");
        try {
            Files.createDirectories(rejected);
            Files.write(file, encoded(server));
        } catch (IOException e) {
            LOG.warn("opcua {}: cannot write the rejected certificate to {}: {}", device, file, e.getMessage());
        }
        throw refuse(StatusCodes.Bad_CertificateUntrusted, "server certificate " + describe(server)
                + " is not trusted; it was saved as " + file + "; to trust it, move that file to " + trusted
                + " (or set trustUnknownServer: true for this device)");
    }

    /** The last refusal's message, if the last check refused. */
    String refusal() {
        return refusal;
    }

    void reset() {
        refusal = null;
    }

    private UaException refuse(long status, String message) {
        refusal = message;
        return new UaException(status, message);
    }

    private boolean isTrusted(X509Certificate server) {
        byte[] wanted = encoded(server);
        try (Stream<Path> files = Files.isDirectory(trusted) ? Files.list(trusted) : Stream.empty()) {
            return files.filter(Files::isRegularFile).anyMatch(file -> Arrays.equals(wanted, read(file)));
        } catch (IOException e) {
            LOG.warn("opcua {}: cannot list {}: {}", device, trusted, e.getMessage());
            return false;
        }
    }

    private byte[] read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return CertificateFactory.getInstance("X.509").generateCertificate(in).getEncoded();
        } catch (IOException | CertificateException e) {
            LOG.warn("opcua {}: {} in the trusted folder is not a certificate: {}", device, file, e.getMessage());
            return new byte[0];
        }
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
    }

    static String thumbprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(encoded(certificate)))
                    .toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JDK", e);
        }
    }

    private static String describe(X509Certificate certificate) {
        return "'" + certificate.getSubjectX500Principal().getName() + "' (SHA-1 " + thumbprint(certificate) + ")";
    }
}
