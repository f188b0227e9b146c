package io.kelvin.collectors.opcua;

import static io.kelvin.collectors.TestSites.site;
import static io.kelvin.collectors.opcua.UaFixtures.NS;
import static io.kelvin.collectors.opcua.UaFixtures.QUICK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kelvin.collectors.CollectorSettings;
import io.kelvin.collectors.Collectors;
import io.kelvin.core.device.DeviceState;
import io.kelvin.collectors.RecordingSink;
import io.kelvin.core.site.Monitoring;
import io.kelvin.core.site.OpcUaSettings;
import io.kelvin.core.site.OpcUaSettings.AcquisitionMode;
import io.kelvin.core.site.OpcUaSettings.MessageMode;
import io.kelvin.core.site.OpcUaSettings.Policy;
import io.kelvin.core.site.OpcUaSettings.Security;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.site.PollClass;
import io.kelvin.core.site.ValueRange;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Quality;
import io.kelvin.core.telemetry.Sample;
import io.kelvin.simulator.opcua.ServerSecurity;
import io.kelvin.testkit.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Secured endpoints end to end against a Milo server on loopback: SignAndEncrypt with Basic256Sha256
 * and a user name, the trust folder deciding about the server certificate, and the health messages a
 * facility engineer reads when trust or the password is wrong.
 */
class OpcUaSecurityTest {

    private static final PointId SUPPLY = PointId.of("cdu", "supply_c");
    private static final PointDef POINT = UaFixtures.point("supply_c", "s=Loop.Supply", new ValueRange(10, 60),
            Monitoring.of(PollClass.FAST));
    private static final Map<String, String> USERS = Map.of("kelvin", "s3cret");

    @TempDir
    static Path serverState;
    private static ServerSecurity serverSecurity;

    @TempDir
    Path dataDir;

    private final RecordingSink sink = new RecordingSink();
    private final int port = FreePorts.loopback();
    private LoopbackOpcUaServer server;
    private Collectors collectors;

    @BeforeAll
    static void serverCertificate() {
        serverSecurity = ServerSecurity.loadOrCreate(serverState, "test-server", "urn:kelvin:test:server", "127.0.0.1");
    }

    @AfterEach
    void stop() throws Exception {
        if (collectors != null) {
            collectors.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private void startServer(SecurityPolicy policy) throws Exception {
        server = LoopbackOpcUaServer.start(port, NS, Map.of("Loop.Supply", 30.0),
                LoopbackOpcUaServer.Options.secured(serverSecurity, policy, USERS));
    }

    private void startCollectors(Security security, String password) {
        CollectorSettings settings = QUICK.withPkiDir(dataDir.resolve("pki"))
                .withEnvironment(name -> name.equals("CDU_PASSWORD") ? password : null);
        collectors = Collectors.start(site(List.of(UaFixtures.device("cdu", port, List.of(POINT),
                new OpcUaSettings(AcquisitionMode.SUBSCRIBE, security)))), sink, Clock.systemUTC(), settings);
    }

    private static Security user(Policy policy, MessageMode mode, boolean trustUnknown) {
        return new Security(policy, mode, Optional.of("kelvin"), Optional.of("CDU_PASSWORD"), Optional.empty(), trustUnknown);
    }

    private String lastError() {
        return collectors.health().get("cdu").lastError().map(Object::toString).orElse("");
    }

    private void awaitGood(double value) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(sink.latest(SUPPLY)).as(this::lastError).get()
                .satisfies(s -> assertThat(s.quality()).isEqualTo(Quality.GOOD))
                .extracting(Sample::value).isEqualTo(value));
    }

    private List<Path> files(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    @Test
    void anUnknownServerIsRejectedWithHowToTrustItAndReadOnceItsCertificateIsMovedToTrusted() throws Exception {
        startServer(SecurityPolicy.Basic256Sha256);
        startCollectors(user(Policy.BASIC256SHA256, MessageMode.SIGN_AND_ENCRYPT, false), "s3cret");

        Path pki = dataDir.resolve("pki");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(lastError())
                .contains("is not trusted").contains(pki.resolve("rejected").toString())
                .contains("to trust it, move that file to " + pki.resolve("trusted")));
        assertThat(collectors.health().get("cdu").state()).isEqualTo(DeviceState.DOWN);
        assertThat(sink.saw(SUPPLY, Quality.GOOD)).isFalse();
        List<Path> rejected = files(pki.resolve("rejected"));
        assertThat(rejected).hasSize(1);

        Files.move(rejected.get(0), pki.resolve("trusted").resolve(rejected.get(0).getFileName()));
        awaitGood(30.0);
        server.set("Loop.Supply", 31.0);
        awaitGood(31.0);
        assertThat(collectors.health().get("cdu").state()).isEqualTo(DeviceState.UP);
    }

    @Test
    void aWrongPasswordGivesAHealthErrorNamingTheUserAndWhereThePasswordComesFrom() throws Exception {
        startServer(SecurityPolicy.Basic256Sha256);
        startCollectors(user(Policy.BASIC256SHA256, MessageMode.SIGN_AND_ENCRYPT, true), "wrong");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(lastError())
                .contains("the server refused user 'kelvin'")
                .contains("check the user name and the password in the environment variable CDU_PASSWORD"));
        assertThat(collectors.health().get("cdu").state()).isEqualTo(DeviceState.DOWN);
    }

    @Test
    void aes128Sha256RsaOaepWithSignConnectsAnonymouslyToATrustedServer() throws Exception {
        startServer(SecurityPolicy.Aes128_Sha256_RsaOaep);
        Path trusted = Files.createDirectories(dataDir.resolve("pki").resolve("trusted"));
        Files.write(trusted.resolve("test-server.der"), serverSecurity.certificate().getEncoded());
        startCollectors(new Security(Policy.AES128_SHA256_RSAOAEP, MessageMode.SIGN, Optional.empty(), Optional.empty(),
                Optional.empty(), false), "");

        awaitGood(30.0);
        assertThat(files(dataDir.resolve("pki").resolve("rejected"))).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"BASIC256SHA256, SIGN", "BASIC256SHA256, SIGN_AND_ENCRYPT",
            "AES128_SHA256_RSAOAEP, SIGN", "AES128_SHA256_RSAOAEP, SIGN_AND_ENCRYPT"})
    void everyOfferedPolicyAndModeCarriesAUserSessionToATrustedServer(Policy policy, MessageMode mode) throws Exception {
        startServer(ClientFactory.policy(policy));
        Path trusted = Files.createDirectories(dataDir.resolve("pki").resolve("trusted"));
        Files.write(trusted.resolve("test-server.der"), serverSecurity.certificate().getEncoded());
        startCollectors(user(policy, mode, false), "s3cret");

        awaitGood(30.0);
        assertThat(collectors.health().get("cdu").state()).isEqualTo(DeviceState.UP);
    }

    @Test
    void aServerThatDoesNotTrustKelvinYetIsToldWhichCertificateToTrust() throws Exception {
        server = LoopbackOpcUaServer.start(port, NS, Map.of("Loop.Supply", 30.0),
                LoopbackOpcUaServer.Options.secured(serverSecurity, SecurityPolicy.Basic256Sha256, USERS).distrustingClients());
        startCollectors(user(Policy.BASIC256SHA256, MessageMode.SIGN_AND_ENCRYPT, true), "s3cret");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(lastError())
                .contains("the server refused Kelvin's application certificate")
                .contains(dataDir.resolve("pki/own/kelvin-collectors.der").toString()));
        assertThat(collectors.health().get("cdu").state()).isEqualTo(DeviceState.DOWN);
    }

    @Test
    void aServerWithoutTheRequestedSecurityIsToldWithWhatItOffers() throws Exception {
        startServer(SecurityPolicy.Aes128_Sha256_RsaOaep);
        startCollectors(user(Policy.BASIC256SHA256, MessageMode.SIGN_AND_ENCRYPT, true), "s3cret");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(lastError())
                .contains("the server offers no endpoint with Basic256Sha256/SignAndEncrypt")
                .contains("Aes128_Sha256_RsaOaep/SignAndEncrypt"));
    }

    @Test
    void theApplicationCertificateIsCreatedOnceWithItsUriAndKeptAcrossRestarts() throws Exception {
        ClientPki first = ClientPki.open(dataDir.resolve("pki"));
        ClientPki again = ClientPki.open(dataDir.resolve("pki"));

        assertThat(again.certificate().getEncoded()).isEqualTo(first.certificate().getEncoded());
        assertThat(again.keyPair().getPrivate().getEncoded()).isEqualTo(first.keyPair().getPrivate().getEncoded());
        X509Certificate certificate = first.certificate();
        // Part 6, 6.2.2: the application URI is a URI entry (type 6) of the subject alternative name
        assertThat(certificate.getSubjectAlternativeNames())
                .anySatisfy(name -> assertThat(List.<Object>copyOf(name)).containsExactly(6, ClientPki.APPLICATION_URI));
        assertThat(Files.exists(dataDir.resolve("pki/own/kelvin-collectors.der"))).isTrue();
    }
}
