package io.kelvin.core.site.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kelvin.core.site.Device;
import io.kelvin.core.site.Monitoring;
import io.kelvin.core.site.Monitoring.Deadband;
import io.kelvin.core.site.OpcUaSettings.AcquisitionMode;
import io.kelvin.core.site.OpcUaSettings.MessageMode;
import io.kelvin.core.site.OpcUaSettings.Policy;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.site.Site;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OPC UA subscription settings in profiles, and mode and security of OPC UA devices in site files. */
class OpcUaSettingsLoadTest {

    private static final String CDU_01 = "{ id: cdu-01, profile: acme-cdu-800, endpoint: \"opc.tcp://127.0.0.1:48401/cdu\" }";
    private static final String SUPPLY = "node: \"s=SecondaryLoop.SupplyTemperature\", range: { min: 10, max: 60 }, pollClass: fast,";

    @TempDir
    Path tmp;

    private Path root;

    private Path edit(String relative, String from, String to) throws IOException {
        if (root == null) {
            root = SiteConfigsFolder.copyTo(tmp.resolve("configs"));
        }
        Path file = root.resolve(relative);
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));
        return root.resolve("sites/demo-aidc.yaml");
    }

    private Path cdu01(String extra) throws IOException {
        return edit("sites/demo-aidc.yaml", CDU_01, CDU_01.replace(" }", ", " + extra + " }"));
    }

    private static PointDef point(Site site, String device, String point) {
        return site.device(device).orElseThrow().profile().point(point).orElseThrow();
    }

    @Test
    void withoutSettingsAPointIsSampledAtItsPollClassWithQueueOneAndNoDeadband() {
        Site site = SiteLoader.load(SiteConfigsFolder.root().resolve("sites/demo-aidc.yaml"));
        Device cdu = site.device("cdu-02").orElseThrow();
        assertThat(point(site, "cdu-02", "supply_temp_c").monitoring())
                .isEqualTo(new Monitoring(Duration.ofSeconds(1), 1, Deadband.NONE));
        assertThat(cdu.opcua().mode()).isEqualTo(AcquisitionMode.SUBSCRIBE);
        assertThat(cdu.opcua().security().policy()).isEqualTo(Policy.NONE);
    }

    @Test
    void withoutSamplingMsAPointIsSampledAtItsOwnOrItsProfilesPollInterval() throws IOException {
        edit("profiles/acme-cdu-800.yaml", "points:", "pollIntervals: { fast: 500ms }\npoints:");
        Path site = edit("profiles/acme-cdu-800.yaml", SUPPLY, SUPPLY + " pollInterval: 2s,");
        Site loaded = SiteLoader.load(site);
        assertThat(point(loaded, "cdu-01", "supply_temp_c").monitoring().samplingInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(point(loaded, "cdu-01", "return_temp_c").monitoring().samplingInterval()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aPointsSubscriptionSettingsOverrideTheProfileDefaultFieldByField() throws IOException {
        edit("profiles/acme-cdu-800.yaml", "subscription: { queueSize: 1, deadband: none }",
                "subscription: { samplingMs: 500, queueSize: 5, deadband: { absolute: 0.2 } }");
        Path site = edit("profiles/acme-cdu-800.yaml", SUPPLY,
                SUPPLY + " subscription: { samplingMs: 250, deadband: { percent: 1.5 } },");
        Site loaded = SiteLoader.load(site);
        assertThat(point(loaded, "cdu-01", "supply_temp_c").monitoring())
                .isEqualTo(new Monitoring(Duration.ofMillis(250), 5, Deadband.percent(1.5)));
        assertThat(point(loaded, "cdu-01", "return_temp_c").monitoring())
                .isEqualTo(new Monitoring(Duration.ofMillis(500), 5, Deadband.absolute(0.2)));
    }

    @Test
    void deadbandNoneAndAnUnknownDeadbandAreTold() throws IOException {
        Path site = edit("profiles/acme-cdu-800.yaml", SUPPLY, SUPPLY + " subscription: { deadband: some },");
        assertThatThrownBy(() -> SiteLoader.load(site)).isInstanceOf(SiteConfigException.class).hasMessageContaining(
                "profiles/acme-cdu-800.yaml: points[0].subscription.deadband: must be none, { absolute: X } or { percent: P }, was 'some'");
    }

    @Test
    void aPercentDeadbandAbove100AndAZeroQueueAreRejected() throws IOException {
        Path site = edit("profiles/acme-cdu-800.yaml", SUPPLY,
                SUPPLY + " subscription: { queueSize: 0, deadband: { percent: 150 } },");
        assertThatThrownBy(() -> SiteLoader.load(site)).isInstanceOfSatisfying(SiteConfigException.class,
                e -> assertThat(e.problems()).extracting(ConfigProblem::toString).contains(
                        "profiles/acme-cdu-800.yaml: points[0].subscription.queueSize: must be 1..10000, was 0",
                        "profiles/acme-cdu-800.yaml: points[0].subscription.deadband.percent: must be 0..100, was 150"));
    }

    @Test
    void aDeadbandWithBothKindsIsRejected() throws IOException {
        Path site = edit("profiles/acme-cdu-800.yaml", SUPPLY,
                SUPPLY + " subscription: { deadband: { absolute: 1, percent: 2 } },");
        assertThatThrownBy(() -> SiteLoader.load(site)).hasMessageContaining(
                "points[0].subscription.deadband: give exactly one of absolute (in the point's unit) or percent (of the node's EURange)");
    }

    @Test
    void subscriptionSettingsOnAModbusProfileAreRejected() throws IOException {
        Path site = edit("profiles/acme-wind-2500.yaml", "protocol: modbus", "protocol: modbus\nsubscription: { samplingMs: 100 }");
        assertThatThrownBy(() -> SiteLoader.load(site))
                .hasMessageContaining("profiles/acme-wind-2500.yaml: subscription: belongs to OPC UA profiles");
    }

    @Test
    void aMalformedNodeIdIsRejectedAtLoad() throws IOException {
        Path site = edit("profiles/acme-cdu-800.yaml", "node: \"s=SecondaryLoop.SupplyTemperature\"", "node: \"x=Supply\"");
        assertThatThrownBy(() -> SiteLoader.load(site)).hasMessageContaining(
                "profiles/acme-cdu-800.yaml: points[0].node: 'x=Supply' must be i=NUMBER, s=TEXT, g=GUID or b=BASE64");
    }

    @Test
    void aSecuredDeviceWithAUserReadsItsPasswordFromTheEnvironment() throws IOException {
        Path site = cdu01("mode: poll, security: { policy: Basic256Sha256, mode: SignAndEncrypt, user: kelvin,"
                + " passwordEnv: CDU_PASSWORD }");
        Device cdu = SiteLoader.load(site).device("cdu-01").orElseThrow();
        assertThat(cdu.opcua().mode()).isEqualTo(AcquisitionMode.POLL);
        assertThat(cdu.opcua().security().policy()).isEqualTo(Policy.BASIC256SHA256);
        assertThat(cdu.opcua().security().mode()).isEqualTo(MessageMode.SIGN_AND_ENCRYPT);
        assertThat(cdu.opcua().security().user()).contains("kelvin");
        assertThat(cdu.opcua().security().passwordEnv()).contains("CDU_PASSWORD");
        assertThat(cdu.opcua().security().trustUnknownServer()).isFalse();
    }

    @Test
    void aPolicyWithoutModeMeansSignAndEncrypt() throws IOException {
        Path site = cdu01("security: { policy: Aes128_Sha256_RsaOaep }");
        assertThat(SiteLoader.load(site).device("cdu-01").orElseThrow().opcua().security().mode())
                .isEqualTo(MessageMode.SIGN_AND_ENCRYPT);
    }

    @Test
    void aPlainPasswordInTheSiteFileIsRejected() throws IOException {
        Path site = cdu01("security: { policy: Basic256Sha256, user: kelvin, password: secret }");
        assertThatThrownBy(() -> SiteLoader.load(site)).isInstanceOfSatisfying(SiteConfigException.class,
                e -> assertThat(e.problems()).extracting(ConfigProblem::toString).contains(
                        "sites/demo-aidc.yaml: devices[0].security.password: unknown field (expected one of mode,"
                                + " passwordEnv, passwordFile, policy, trustUnknownServer, user)",
                        "sites/demo-aidc.yaml: devices[0].security: user 'kelvin' needs exactly one of passwordEnv (an"
                                + " environment variable) or passwordFile (a file holding the password); a password is"
                                + " never written in the site file"));
    }

    @Test
    void aMissingPasswordFileAndAnUnknownPolicyAreNamed() throws IOException {
        Path site = cdu01("security: { policy: Basic128Rsa15, user: kelvin, passwordFile: secrets/cdu.txt }");
        assertThatThrownBy(() -> SiteLoader.load(site)).isInstanceOfSatisfying(SiteConfigException.class,
                e -> assertThat(e.problems()).extracting(ConfigProblem::toString).contains(
                        "sites/demo-aidc.yaml: devices[0].security.policy: unknown value 'Basic128Rsa15' (expected one of"
                                + " None, Basic256Sha256, Aes128_Sha256_RsaOaep)",
                        "sites/demo-aidc.yaml: devices[0].security.passwordFile: 'secrets/cdu.txt' not found (relative"
                                + " paths start at the site-configs folder)"));
    }

    @Test
    void signingWithoutAPolicyIsRejected() throws IOException {
        Path site = cdu01("security: { mode: Sign }");
        assertThatThrownBy(() -> SiteLoader.load(site)).hasMessageContaining(
                "sites/demo-aidc.yaml: devices[0].security.mode: Sign needs a security policy (Basic256Sha256 or Aes128_Sha256_RsaOaep)");
    }

    @Test
    void modeAndSecurityOnAModbusDeviceAreRejected() throws IOException {
        Path site = edit("sites/demo-aidc.yaml", "port: 15020, unitId: 4 }", "port: 15020, unitId: 4, mode: poll }");
        assertThatThrownBy(() -> SiteLoader.load(site)).hasMessageContaining(
                "sites/demo-aidc.yaml: devices[15].mode: belongs to OPC UA devices");
    }
}
