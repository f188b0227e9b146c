package io.kelvin.collectors.opcua;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Period;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kelvin's OPC UA application instance certificate and the folders of its trust decisions, under one
 * PKI directory (the app uses {@code DATA_DIR/pki}):
 * <ul>
 *   <li>{@code own/kelvin-collectors.p12}: key pair and self-signed certificate (RSA 2048, SHA-256,
 *       application URI {@link #APPLICATION_URI} in the subject alternative name), created on first use
 *       and kept across restarts; {@code own/kelvin-collectors.der} is the certificate alone, to copy
 *       into a server's trust list.</li>
 *   <li>{@code trusted/}: server certificates Kelvin trusts (DER or PEM files).</li>
 *   <li>{@code rejected/}: server certificates Kelvin refused, written there so an operator can move them
 *       to {@code trusted/}.</li>
 * </ul>
 * The PKCS#12 password below only satisfies the file format; the file is protected by file permissions.
 */
final class ClientPki {

    static final String APPLICATION_URI = "urn:kelvin:collectors";
    private static final Logger LOG = LoggerFactory.getLogger(ClientPki.class);
    private static final char[] STORE_PASSWORD = "kelvin".toCharArray();
    private static final String ALIAS = "kelvin-collectors";

    private final Path dir;
    private final KeyPair keyPair;
    private final X509Certificate certificate;

    private ClientPki(Path dir, KeyPair keyPair, X509Certificate certificate) {
        this.dir = dir;
        this.keyPair = keyPair;
        this.certificate = certificate;
    }

    /** Loads the certificate from {@code dir/own}, creating it (and the folders) on first use. */
    static ClientPki open(Path dir) {
        try {
            Files.createDirectories(dir.resolve("own"));
            Files.createDirectories(dir.resolve("trusted"));
            Files.createDirectories(dir.resolve("rejected"));
            Path store = dir.resolve("own").resolve(ALIAS + ".p12");
            if (Files.isRegularFile(store)) {
                return load(dir, store);
            }
            return create(dir, store);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the OPC UA PKI folder " + dir + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the OPC UA certificate under " + dir + "/own: " + e.getMessage(), e);
        }
    }

    private static ClientPki load(Path dir, Path store) throws IOException, GeneralSecurityException {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, STORE_PASSWORD);
        }
        X509Certificate certificate = (X509Certificate) keyStore.getCertificate(ALIAS);
        PrivateKey key = (PrivateKey) keyStore.getKey(ALIAS, STORE_PASSWORD);
        if (certificate == null || key == null) {
            throw new GeneralSecurityException(store + " holds no entry '" + ALIAS + "'");
        }
        return new ClientPki(dir, new KeyPair(certificate.getPublicKey(), key), certificate);
    }

    private static ClientPki create(Path dir, Path store) throws IOException, GeneralSecurityException {
        KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
        X509Certificate certificate;
        try {
            certificate = new SelfSignedCertificateBuilder(keyPair)
                    .setCommonName("Kelvin collectors")
                    .setOrganization("Kelvin")
                    .setApplicationUri(APPLICATION_URI)
                    .addDnsName("localhost")
                    .setValidityPeriod(Period.ofYears(5))
                    .build();
        } catch (Exception e) {
            throw new GeneralSecurityException("cannot build a self-signed certificate: " + e.getMessage(), e);
        }
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, STORE_PASSWORD);
        keyStore.setKeyEntry(ALIAS, keyPair.getPrivate(), STORE_PASSWORD, new X509Certificate[] {certificate});
        Path partial = store.resolveSibling(store.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(partial)) {
            keyStore.store(out, STORE_PASSWORD);
        }
        Files.move(partial, store, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Files.write(dir.resolve("own").resolve(ALIAS + ".der"), certificate.getEncoded());
        LOG.info("created the OPC UA application certificate {} ({})", store, APPLICATION_URI);
        return new ClientPki(dir, keyPair, certificate);
    }

    KeyPair keyPair() {
        return keyPair;
    }

    X509Certificate certificate() {
        return certificate;
    }

    /** The certificate alone, to be trusted by servers. */
    Path certificateFile() {
        return dir.resolve("own").resolve(ALIAS + ".der");
    }

    Path trustedDir() {
        return dir.resolve("trusted");
    }

    Path rejectedDir() {
        return dir.resolve("rejected");
    }
}
