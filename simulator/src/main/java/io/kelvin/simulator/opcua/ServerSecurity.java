package io.kelvin.simulator.opcua;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Period;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.CompositeValidator;
import org.eclipse.milo.opcua.sdk.server.identity.IdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.security.CertificateManager;
import org.eclipse.milo.opcua.stack.core.security.CertificateStore;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;

/**
 * Secured endpoints for a simulated OPC UA server: an application certificate (RSA 2048, self-signed,
 * the application URI and host in its subject alternative name) cached as {@code DIR/NAME.p12} so a
 * restart keeps it, the endpoints None plus Basic256Sha256 and Aes128_Sha256_RsaOaep with Sign and
 * SignAndEncrypt, and an identity validator for anonymous and user-name logins. A simulated device
 * trusts every client certificate: it stands in for a device an operator has already configured.
 */
public final class ServerSecurity {

    private static final char[] STORE_PASSWORD = "kelvin".toCharArray();
    private static final List<SecurityPolicy> POLICIES = List.of(SecurityPolicy.Basic256Sha256,
            SecurityPolicy.Aes128_Sha256_RsaOaep);
    private static final List<MessageSecurityMode> MODES = List.of(MessageSecurityMode.Sign,
            MessageSecurityMode.SignAndEncrypt);

    private final KeyPair keyPair;
    private final X509Certificate certificate;

    private ServerSecurity(KeyPair keyPair, X509Certificate certificate) {
        this.keyPair = keyPair;
        this.certificate = certificate;
    }

    /** Loads {@code dir/name.p12}, or creates it with a new certificate for {@code applicationUri} at {@code host}. */
    public static ServerSecurity loadOrCreate(Path dir, String name, String applicationUri, String host) {
        Path file = dir.resolve(name + ".p12");
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            if (Files.isRegularFile(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    store.load(in, STORE_PASSWORD);
                }
                X509Certificate certificate = (X509Certificate) store.getCertificate(name);
                PrivateKey key = (PrivateKey) store.getKey(name, STORE_PASSWORD);
                return new ServerSecurity(new KeyPair(certificate.getPublicKey(), key), certificate);
            }
            KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
            X509Certificate certificate = certificate(keyPair, applicationUri, host);
            store.load(null, STORE_PASSWORD);
            store.setKeyEntry(name, keyPair.getPrivate(), STORE_PASSWORD, new X509Certificate[] {certificate});
            Files.createDirectories(dir);
            Path partial = dir.resolve(name + ".p12.tmp");
            try (OutputStream out = Files.newOutputStream(partial)) {
                store.store(out, STORE_PASSWORD);
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            return new ServerSecurity(keyPair, certificate);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the server certificate " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read or create the server certificate " + file, e);
        }
    }

    private static X509Certificate certificate(KeyPair keyPair, String applicationUri, String host)
            throws GeneralSecurityException {
        try {
            SelfSignedCertificateBuilder builder = new SelfSignedCertificateBuilder(keyPair)
                    .setCommonName("Kelvin simulated device")
                    .setOrganization("Kelvin")
                    .setApplicationUri(applicationUri)
                    .addDnsName("localhost")
                    .addIpAddress("127.0.0.1")
                    .setValidityPeriod(Period.ofYears(5));
            if (!host.equals("localhost") && !host.equals("127.0.0.1")) {
                builder = host.matches("[0-9.]+") ? builder.addIpAddress(host) : builder.addDnsName(host);
            }
            return builder.build();
        } catch (Exception e) {
            throw new GeneralSecurityException("cannot build a self-signed certificate: " + e.getMessage(), e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** A certificate manager serving this certificate and accepting every client certificate. */
    public CertificateManager certificateManager() {
        return certificateManager((chain, uri, hosts) -> { });
    }

    /** A certificate manager serving this certificate and judging client certificates with {@code clients}. */
    public CertificateManager certificateManager(CertificateValidator clients) {
        CertificateStore store = new MemoryCertificateStore();
        try {
            store.set(NodeIds.RsaSha256ApplicationCertificateType,
                    new CertificateStore.Entry(keyPair.getPrivate(), new X509Certificate[] {certificate}));
            DefaultApplicationGroup group = DefaultApplicationGroup.createAndInitialize(new MemoryTrustListManager(),
                    store, new FixedCertificateFactory(keyPair, certificate), clients);
            return new DefaultCertificateManager(new MemoryCertificateQuarantine(), group);
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up the server certificate manager", e);
        }
    }

    /** {@code base} (security None) plus every secured policy and mode, all with the same token policies. */
    public Set<EndpointConfig> endpoints(EndpointConfig.Builder base) {
        Set<EndpointConfig> endpoints = new LinkedHashSet<>();
        endpoints.add(base.copy().setSecurityPolicy(SecurityPolicy.None).setSecurityMode(MessageSecurityMode.None).build());
        for (SecurityPolicy policy : POLICIES) {
            for (MessageSecurityMode mode : MODES) {
                endpoints.add(base.copy().setCertificate(certificate).setSecurityPolicy(policy).setSecurityMode(mode).build());
            }
        }
        return endpoints;
    }

    /** Only secured endpoints: {@code policy} with Sign and SignAndEncrypt. */
    public Set<EndpointConfig> securedOnly(EndpointConfig.Builder base, SecurityPolicy policy) {
        Set<EndpointConfig> endpoints = new LinkedHashSet<>();
        for (MessageSecurityMode mode : MODES) {
            endpoints.add(base.copy().setCertificate(certificate).setSecurityPolicy(policy).setSecurityMode(mode).build());
        }
        return endpoints;
    }

    /** Anonymous logins, and user-name logins checked against {@code users} (name to password). */
    public static IdentityValidator identities(Map<String, String> users) {
        UsernameIdentityValidator byName = new UsernameIdentityValidator(challenge ->
                challenge.getPassword() != null && challenge.getPassword().equals(users.get(challenge.getUsername())));
        return new CompositeValidator(AnonymousIdentityValidator.INSTANCE, byName);
    }

    /** The token policies every endpoint offers. */
    public static EndpointConfig.Builder withTokenPolicies(EndpointConfig.Builder base) {
        return base.addTokenPolicies(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS, OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME);
    }

    /** Hands out the one cached key pair and certificate, so the group never generates a new one. */
    private static final class FixedCertificateFactory extends RsaSha256CertificateFactory {
        private final KeyPair keyPair;
        private final X509Certificate certificate;

        FixedCertificateFactory(KeyPair keyPair, X509Certificate certificate) {
            this.keyPair = keyPair;
            this.certificate = certificate;
        }

        @Override
        protected KeyPair createRsaSha256KeyPair() {
            return keyPair;
        }

        @Override
        protected X509Certificate[] createRsaSha256CertificateChain(KeyPair ignored) {
            return new X509Certificate[] {certificate};
        }
    }
}
