package io.kelvin.core.site.load;

import io.kelvin.core.site.Monitoring;
import io.kelvin.core.site.Monitoring.Deadband;
import io.kelvin.core.site.OpcUaSettings;
import io.kelvin.core.site.OpcUaSettings.AcquisitionMode;
import io.kelvin.core.site.OpcUaSettings.MessageMode;
import io.kelvin.core.site.OpcUaSettings.Policy;
import io.kelvin.core.site.OpcUaSettings.Security;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the OPC UA parts of profiles and site files: subscription settings ({@code subscription:} on
 * the profile as a default and on each point) and a device's {@code mode} and {@code security}.
 */
final class OpcUaReader {

    static final int MAX_SAMPLING_MS = 86_400_000;
    static final int MAX_QUEUE_SIZE = 10_000;
    /** Node id syntax of Part 6, 5.3.1.10 without the namespace part (the profile names it by URI). */
    private static final Pattern NODE_ID = Pattern.compile("(i=\\d{1,10}|s=.+|g=[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}|b=[A-Za-z0-9+/=]+)");

    private OpcUaReader() {
    }

    /** The profile-wide subscription settings; each field may be left out. */
    record Defaults(Optional<Integer> samplingMs, Optional<Integer> queueSize, Optional<Deadband> deadband) {
        static final Defaults NONE = new Defaults(Optional.empty(), Optional.empty(), Optional.empty());
    }

    static Defaults defaults(Node profile) {
        return profile.optObject("subscription").map(OpcUaReader::settings).orElse(Defaults.NONE);
    }

    /** A point's monitoring: its own fields, else the profile's, else sampling at the poll class. */
    static Monitoring monitoring(Node point, Defaults profile, java.time.Duration interval) {
        Defaults own = point.optObject("subscription").map(OpcUaReader::settings).orElse(Defaults.NONE);
        Monitoring fallback = new Monitoring(interval, 1, Monitoring.Deadband.NONE);
        int samplingMs = own.samplingMs().or(profile::samplingMs).orElse((int) fallback.samplingInterval().toMillis());
        int queueSize = own.queueSize().or(profile::queueSize).orElse(fallback.queueSize());
        Deadband deadband = own.deadband().or(profile::deadband).orElse(fallback.deadband());
        return new Monitoring(java.time.Duration.ofMillis(samplingMs), queueSize, deadband);
    }

    static void checkNodeId(Node point, String nodeId) {
        if (!nodeId.isEmpty() && !NODE_ID.matcher(nodeId).matches()) {
            point.problem("node", "'" + nodeId + "' must be i=NUMBER, s=TEXT, g=GUID or b=BASE64 (no ns=: the profile's"
                    + " namespaceUri gives the namespace)");
        }
    }

    private static Defaults settings(Node node) {
        node.allowOnly("samplingMs", "queueSize", "deadband");
        Optional<Integer> samplingMs = node.has("samplingMs")
                ? Optional.of(node.integerOr("samplingMs", 1000, 0, MAX_SAMPLING_MS)) : Optional.empty();
        Optional<Integer> queueSize = node.has("queueSize")
                ? Optional.of(node.integerOr("queueSize", 1, 1, MAX_QUEUE_SIZE)) : Optional.empty();
        return new Defaults(samplingMs, queueSize, deadband(node));
    }

    /** {@code deadband: none}, {@code deadband: { absolute: 0.5 }} or {@code deadband: { percent: 2 }}. */
    private static Optional<Deadband> deadband(Node node) {
        if (!node.has("deadband")) {
            return Optional.empty();
        }
        if (!node.isObject("deadband")) {
            Optional<String> text = node.optText("deadband");
            if (text.isPresent() && !text.get().equalsIgnoreCase("none")) {
                node.problem("deadband", "must be none, { absolute: X } or { percent: P }, was '" + text.get() + "'");
            }
            return Optional.of(Deadband.NONE);
        }
        Node deadband = node.optObject("deadband").orElseThrow();
        deadband.allowOnly("absolute", "percent");
        if (deadband.has("absolute") == deadband.has("percent")) {
            deadband.problem("give exactly one of absolute (in the point's unit) or percent (of the node's EURange)");
            return Optional.of(Deadband.NONE);
        }
        if (deadband.has("absolute")) {
            return Optional.of(Deadband.absolute(deadband.numberOr("absolute", 0, 0, Double.MAX_VALUE)));
        }
        return Optional.of(Deadband.percent(deadband.numberOr("percent", 0, 0, 100)));
    }

    /** A device's {@code mode} and {@code security}; {@code configRoot} anchors a relative passwordFile. */
    static OpcUaSettings device(Node device, Path configRoot) {
        AcquisitionMode mode = device.optEnum("mode", AcquisitionMode.class).orElse(AcquisitionMode.SUBSCRIBE);
        Security security = device.optObject("security").map(node -> security(node, configRoot)).orElse(Security.NONE);
        return new OpcUaSettings(mode, security);
    }

    private static Security security(Node node, Path configRoot) {
        node.allowOnly("policy", "mode", "user", "passwordEnv", "passwordFile", "trustUnknownServer");
        Policy policy = loose(node, "policy", Policy.class).orElse(Policy.NONE);
        MessageMode mode = loose(node, "mode", MessageMode.class)
                .orElse(policy == Policy.NONE ? MessageMode.NONE : MessageMode.SIGN_AND_ENCRYPT);
        if (policy == Policy.NONE && mode != MessageMode.NONE) {
            node.problem("mode", display(mode) + " needs a security policy (Basic256Sha256 or Aes128_Sha256_RsaOaep)");
        }
        if (policy != Policy.NONE && mode == MessageMode.NONE) {
            node.problem("mode", "is None, but policy " + display(policy) + " needs mode Sign or SignAndEncrypt");
        }
        Optional<String> user = node.optText("user");
        Optional<String> passwordEnv = node.optText("passwordEnv");
        Optional<String> passwordFileText = node.optText("passwordFile");
        Optional<Path> passwordFile = passwordFileText.map(configRoot::resolve);
        if (user.isPresent() && passwordEnv.isPresent() == passwordFileText.isPresent()) {
            node.problem("user '" + user.get() + "' needs exactly one of passwordEnv (an environment variable) or"
                    + " passwordFile (a file holding the password); a password is never written in the site file");
        }
        if (user.isEmpty() && (passwordEnv.isPresent() || passwordFileText.isPresent())) {
            node.problem("passwordEnv and passwordFile need a user");
        }
        passwordFile.filter(file -> !Files.isRegularFile(file)).ifPresent(file ->
                node.problem("passwordFile", "'" + passwordFileText.get() + "' not found (relative paths start at the"
                        + " site-configs folder)"));
        return new Security(policy, mode, user, passwordEnv, passwordFile, node.bool("trustUnknownServer", false));
    }

    /** An enum written the way OPC UA tools spell it: Basic256Sha256, Aes128_Sha256_RsaOaep, SignAndEncrypt. */
    private static <E extends Enum<E>> Optional<E> loose(Node node, String field, Class<E> type) {
        return node.optText(field).flatMap(text -> {
            String wanted = squash(text);
            for (E constant : type.getEnumConstants()) {
                if (squash(constant.name()).equals(wanted)) {
                    return Optional.of(constant);
                }
            }
            node.problem(field, "unknown value '" + text + "' (expected one of "
                    + String.join(", ", Arrays.stream(type.getEnumConstants()).map(OpcUaReader::display).toList()) + ")");
            return Optional.empty();
        });
    }

    private static String squash(String text) {
        return text.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    private static String display(Enum<?> constant) {
        return switch (constant.name()) {
            case "NONE" -> "None";
            case "BASIC256SHA256" -> "Basic256Sha256";
            case "AES128_SHA256_RSAOAEP" -> "Aes128_Sha256_RsaOaep";
            case "SIGN" -> "Sign";
            case "SIGN_AND_ENCRYPT" -> "SignAndEncrypt";
            default -> constant.name().toLowerCase(Locale.ROOT);
        };
    }
}
