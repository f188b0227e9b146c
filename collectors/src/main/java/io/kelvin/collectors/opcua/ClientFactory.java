package io.kelvin.collectors.opcua;

import io.kelvin.core.site.Device;
import io.kelvin.core.site.OpcUaSettings.MessageMode;
import io.kelvin.core.site.OpcUaSettings.Policy;
import io.kelvin.core.site.OpcUaSettings.Security;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClientConfigBuilder;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

/**
 * Builds and connects the OpcUaClient of one device as its site entry says: the endpoint with the
 * device's security policy and mode, Kelvin's application certificate for secured endpoints, the
 * trust folder as certificate validator, and an anonymous or user-name identity whose password is read
 * now from the environment variable or file the site file names. Failures become messages a facility
 * engineer can act on (untrusted server, refused user, no matching endpoint).
 */
final class ClientFactory {

    /** What a server answers when it does not trust the client's certificate (Part 4, 5.5.2 and 7.34). */
    private static final java.util.Set<Long> CLIENT_CERTIFICATE_REFUSED = java.util.Set.of(
            StatusCodes.Bad_SecurityChecksFailed, StatusCodes.Bad_CertificateUntrusted,
            StatusCodes.Bad_CertificateInvalid, StatusCodes.Bad_CertificateUseNotAllowed);

    private final Supplier<ClientPki> pki;
    private final UnaryOperator<String> environment;

    /** {@code pki} is called only for secured devices (creating the certificate may take seconds). */
    ClientFactory(Supplier<ClientPki> pki, UnaryOperator<String> environment) {
        this.pki = pki;
        this.environment = environment;
    }

    OpcUaClient connect(Device device) throws UaException {
        String url = device.endpoint().orElseThrow(() -> new IllegalStateException(device.id() + " has no endpoint"));
        Security security = device.opcua().security();
        Optional<ClientPki> own = security.isSecured() ? Optional.of(pki.get()) : Optional.empty();
        Optional<TrustDirectory> trust = own.map(p -> new TrustDirectory(device.id(), p.trustedDir(), p.rejectedDir(),
                security.trustUnknownServer()));
        String password = password(device, security);
        StringBuilder offered = new StringBuilder();
        OpcUaClient client;
        try {
            client = OpcUaClient.create(url,
                    endpoints -> choose(endpoints, security, url, offered),
                    transport -> { },
                    config -> configure(config, device, security, own, trust, password));
        } catch (UaException e) {
            throw explain(e, device, security, trust, offered, own);
        }
        try {
            client.connect();
            return client;
        } catch (UaException e) {
            DeviceSession.disconnectQuietly(client);
            throw explain(e, device, security, trust, offered, own);
        }
    }

    private static Optional<EndpointDescription> choose(List<EndpointDescription> endpoints, Security security,
                                                        String url, StringBuilder offered) {
        String policyUri = policy(security.policy()).getUri();
        MessageSecurityMode mode = mode(security.mode());
        Optional<EndpointDescription> match = endpoints.stream()
                .filter(e -> policyUri.equals(e.getSecurityPolicyUri()) && e.getSecurityMode() == mode)
                .findFirst();
        if (match.isEmpty()) {
            endpoints.forEach(e -> offered.append(offered.isEmpty() ? "" : ", ")
                    .append(e.getSecurityPolicyUri().substring(e.getSecurityPolicyUri().indexOf('#') + 1))
                    .append('/').append(e.getSecurityMode()));
        }
        return match
                // The server may advertise a host name we cannot reach; keep the one we were given.
                .map(e -> EndpointUtil.updateUrl(e, EndpointUtil.getHost(url), EndpointUtil.getPort(url)));
    }

    private static void configure(OpcUaClientConfigBuilder config, Device device, Security security,
                                  Optional<ClientPki> own, Optional<TrustDirectory> trust, String password) {
        config.setApplicationName(LocalizedText.english("Kelvin collectors"))
                .setApplicationUri(own.isPresent() ? ClientPki.APPLICATION_URI : "urn:kelvin:collectors:" + device.id())
                .setProductUri("urn:kelvin")
                .setRequestTimeout(uint(5_000))
                .setKeepAliveInterval(uint(2_000));
        own.ifPresent(p -> config.setKeyPair(p.keyPair()).setCertificate(p.certificate())
                .setCertificateChain(new X509Certificate[] {p.certificate()}));
        trust.ifPresent(config::setCertificateValidator);
        config.setIdentityProvider(security.user().isPresent()
                ? new UsernameProvider(security.user().get(), password)
                : new AnonymousProvider());
    }

    private String password(Device device, Security security) {
        if (security.user().isEmpty()) {
            return "";
        }
        if (security.passwordEnv().isPresent()) {
            String name = security.passwordEnv().get();
            String value = environment.apply(name);
            if (value == null || value.isEmpty()) {
                throw new IllegalStateException("the password of user '" + security.user().get() + "' is to come from the"
                        + " environment variable " + name + ", which is not set");
            }
            return value;
        }
        Path file = security.passwordFile().orElseThrow();
        try {
            return Files.readAllLines(file).stream().findFirst().orElse("").strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the password file " + file + " of user '"
                    + security.user().get() + "': " + e.getMessage(), e);
        }
    }

    private static UaException explain(UaException e, Device device, Security security, Optional<TrustDirectory> trust,
                                       StringBuilder offered, Optional<ClientPki> own) {
        long status = e.getStatusCode().value();
        Optional<String> refusal = trust.map(TrustDirectory::refusal);
        if (refusal.isPresent()) {
            return new UaException(StatusCodes.Bad_CertificateUntrusted, refusal.get());
        }
        if (own.isPresent() && CLIENT_CERTIFICATE_REFUSED.contains(status)) {
            return new UaException(e.getStatusCode(), "the server refused Kelvin's application certificate ("
                    + e.getStatusCode() + "): add " + own.get().certificateFile() + " to the trusted certificates of the"
                    + " server at " + device.endpoint().orElse("?"));
        }
        if (status == StatusCodes.Bad_UserAccessDenied || status == StatusCodes.Bad_IdentityTokenRejected
                || status == StatusCodes.Bad_IdentityTokenInvalid) {
            String source = security.passwordEnv().map(v -> "the environment variable " + v)
                    .orElseGet(() -> security.passwordFile().map(f -> "the file " + f).orElse("?"));
            return new UaException(e.getStatusCode(), "the server refused user '" + security.user().orElse("anonymous")
                    + "' (" + e.getStatusCode() + "): check the user name and the password in " + source);
        }
        if (!offered.isEmpty()) {
            return new UaException(StatusCodes.Bad_SecurityPolicyRejected, "the server offers no endpoint with "
                    + policy(security.policy()).getUri().replaceAll(".*#", "") + "/" + mode(security.mode())
                    + " (it offers " + offered + "); change security in the site entry of " + device.id());
        }
        return e;
    }

    static SecurityPolicy policy(Policy policy) {
        return switch (policy) {
            case NONE -> SecurityPolicy.None;
            case BASIC256SHA256 -> SecurityPolicy.Basic256Sha256;
            case AES128_SHA256_RSAOAEP -> SecurityPolicy.Aes128_Sha256_RsaOaep;
        };
    }

    static MessageSecurityMode mode(MessageMode mode) {
        return switch (mode) {
            case NONE -> MessageSecurityMode.None;
            case SIGN -> MessageSecurityMode.Sign;
            case SIGN_AND_ENCRYPT -> MessageSecurityMode.SignAndEncrypt;
        };
    }
}
