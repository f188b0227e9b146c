package io.kelvin.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Launchers for the peers we did not write (Debian's pymodbus and mbpoll, npm's node-opcua and
 * Stoplight Prism), used by
 * interoperability tests. A missing peer fails the test with the command that installs it:
 * interoperability is never skipped. {@code ./kelvin test} installs them all.
 */
public final class InteropPeers {

    public static final Path PYTHON = Path.of("/usr/bin/python3");
    public static final Path PYMODBUS = Path.of("/usr/lib/python3/dist-packages/pymodbus");
    public static final Path MBPOLL = Path.of("/usr/bin/mbpoll");
    private static final Pattern LISTENING = Pattern.compile("^listening on ");
    private static final Duration NPM_TIMEOUT = Duration.ofMinutes(10);

    private InteropPeers() {
    }

    /** Debian's pymodbus 3.0 serving {@code interop/pymodbus/word_order_device.py} on 127.0.0.1:port. */
    public static PeerProcess pymodbusWordOrderDevice(int port, int unitId) {
        PeerProcess.require(PYTHON, "install Debian's python3 (apt-get install -y python3)");
        PeerProcess.require(PYMODBUS, "apt-get install -y python3-pymodbus (./kelvin test installs it)");
        Path script = PeerProcess.interopDir().resolve("pymodbus/word_order_device.py");
        return PeerProcess.start("pymodbus", List.of(PYTHON.toString(), script.toString(), "--port",
                Integer.toString(port), "--unit", Integer.toString(unitId)), script.getParent(), Map.of(),
                LISTENING, Duration.ofSeconds(20));
    }

    /**
     * Debian's pymodbus 3.0 serving the SunSpec inverter of {@code interop/pymodbus/sunspec_device.py}
     * with its map starting at {@code base} (0, 40000 or 50000) on 127.0.0.1:port.
     */
    public static PeerProcess pymodbusSunSpecDevice(int port, int unitId, int base) {
        PeerProcess.require(PYTHON, "install Debian's python3 (apt-get install -y python3)");
        PeerProcess.require(PYMODBUS, "apt-get install -y python3-pymodbus (./kelvin test installs it)");
        Path script = PeerProcess.interopDir().resolve("pymodbus/sunspec_device.py");
        return PeerProcess.start("pymodbus-sunspec", List.of(PYTHON.toString(), script.toString(), "--port",
                Integer.toString(port), "--unit", Integer.toString(unitId), "--base", Integer.toString(base)),
                script.getParent(), Map.of(), LISTENING, Duration.ofSeconds(20));
    }

    /**
     * {@code interop/node-opcua/server.js} on 127.0.0.1:port (endpoint {@code opc.tcp://127.0.0.1:PORT/interop}),
     * installing node-opcua into {@code CACHE/node-opcua} first when it is missing.
     */
    public static PeerProcess nodeOpcUaServer(int port, Path pkiDir) {
        Path node = node();
        Path modules = installNodeOpcUa(node);
        Path script = PeerProcess.interopDir().resolve("node-opcua/server.js");
        return PeerProcess.start("node-opcua", List.of(node.toString(), script.toString(), "--port",
                Integer.toString(port), "--pki", pkiDir.toString()), script.getParent(),
                Map.of("NODE_PATH", modules.toString()), LISTENING, Duration.ofSeconds(90));
    }

    /**
     * Stoplight Prism mocking the OpenAPI document {@code spec} on 127.0.0.1:port with {@code --errors}: every
     * request is validated against the document and a violation is answered with an error (and a
     * {@code sl-violations} header), so a test sees each request Kelvin sends that breaks the contract.
     */
    public static PeerProcess prismMock(int port, Path spec) {
        return prism("prism-mock", List.of("mock", spec.toString(), "-h", "127.0.0.1", "-p", Integer.toString(port),
                "--errors"));
    }

    /**
     * Stoplight Prism as a validating proxy in front of {@code upstream} on 127.0.0.1:port with
     * {@code --errors}: requests and responses that break {@code spec} are turned into errors, so both
     * what Kelvin sends and what the upstream answers are checked against the document.
     */
    public static PeerProcess prismProxy(int port, Path spec, String upstream) {
        return prism("prism-proxy", List.of("proxy", spec.toString(), upstream, "-h", "127.0.0.1", "-p",
                Integer.toString(port), "--errors"));
    }

    private static PeerProcess prism(String name, List<String> args) {
        Path node = nodeFor(18);
        Path cli = installNpmPeer("prism", "@stoplight/prism-cli", node).resolve("@stoplight/prism-cli/dist/index.js");
        List<String> command = new ArrayList<>(List.of(node.toString(), cli.toString()));
        command.addAll(args);
        return PeerProcess.start(name, command, PeerProcess.interopDir().resolve("prism"), Map.of(),
                Pattern.compile("Prism is listening on"), Duration.ofSeconds(90));
    }

    /** Runs Debian's mbpoll with {@code args} and returns its output; fails when it exits non-zero. */
    public static String mbpoll(List<String> args) {
        PeerProcess.require(MBPOLL, "apt-get install -y mbpoll (./kelvin test installs it)");
        List<String> command = new ArrayList<>(List.of(MBPOLL.toString()));
        command.addAll(args);
        Run run = run(command, null, Duration.ofSeconds(20));
        if (run.exit() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + run.exit() + ":\n" + run.output());
        }
        return run.output();
    }

    /**
     * The Node.js for node-opcua (which needs Node 22.13 or newer): {@code $KELVIN_NODE}, else
     * {@code CACHE/node24/bin/node} (where {@code ./kelvin} installs Node 24), else {@code node} on PATH.
     */
    static Path node() {
        return nodeFor(0);
    }

    /** As {@link #node()}, accepting any Node.js of major version {@code minMajor} or newer when it is above 0. */
    static Path nodeFor(int minMajor) {
        String configured = System.getenv("KELVIN_NODE");
        List<Path> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        candidates.add(PeerProcess.cacheDir().resolve("node24/bin/node"));
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "node"));
            }
        }
        List<String> tried = new ArrayList<>();
        for (Path candidate : candidates) {
            if (Files.isExecutable(candidate)) {
                String version = run(List.of(candidate.toString(), "--version"), null, Duration.ofSeconds(20)).output().trim();
                tried.add(candidate + " " + version);
                boolean fits = minMajor > 0 ? majorVersion(version) >= minMajor
                        : majorVersion(version) >= 23 || version.matches("v22\\.(1[3-9]|[2-9]\\d)\\..*");
                if (fits) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("the npm peers need Node.js " + (minMajor > 0 ? ">= " + minMajor : ">= 22.13")
                + "; found " + tried + ". Run ./kelvin test "
                + "(it installs Node 24 into " + PeerProcess.cacheDir().resolve("node24") + ") or set KELVIN_NODE");
    }

    /** {@code npm install} of interop/node-opcua/package.json into CACHE/node-opcua, once per version. */
    static Path installNodeOpcUa(Path node) {
        return installNpmPeer("node-opcua", "node-opcua", node);
    }

    /**
     * {@code npm install} of interop/NAME/package.json into CACHE/NAME, once per version of that file;
     * returns the node_modules folder. {@code module} is the package whose folder proves the install.
     */
    static synchronized Path installNpmPeer(String name, String module, Path node) {
        Path target = PeerProcess.cacheDir().resolve(name);
        Path manifest = PeerProcess.interopDir().resolve(name + "/package.json");
        try {
            String wanted = Files.readString(manifest);
            Path installed = target.resolve("package.json");
            if (Files.isDirectory(target.resolve("node_modules/" + module))
                    && Files.exists(installed) && Files.readString(installed).equals(wanted)) {
                return target.resolve("node_modules");
            }
            Files.createDirectories(target);
            Files.writeString(installed, wanted);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + target, e);
        }
        Path npm = node.resolveSibling("npm");
        List<String> command = List.of(Files.isExecutable(npm) ? npm.toString() : "npm", "install", "--no-audit",
                "--no-fund", "--omit=dev");
        Run run = run(command, target, NPM_TIMEOUT);
        if (run.exit() != 0 || !Files.isDirectory(target.resolve("node_modules/" + module))) {
            throw new IllegalStateException("npm install of " + module + " into " + target + " failed (" + run.exit()
                    + "); run ./kelvin test, which installs it:\n" + run.output());
        }
        return target.resolve("node_modules");
    }

    private static int majorVersion(String version) {
        try {
            return Integer.parseInt(version.replaceFirst("^v(\\d+)\\..*$", "$1"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private record Run(int exit, String output) {
    }

    private static Run run(List<String> command, Path workDir, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (workDir != null) {
            builder.directory(workDir.toFile());
            Path bin = Path.of(command.get(0)).getParent();
            if (bin != null) {
                builder.environment().merge("PATH", bin.toString(), (path, dir) -> dir + ":" + path);
            }
        }
        try {
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " took longer than " + timeout);
            }
            return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }
}
