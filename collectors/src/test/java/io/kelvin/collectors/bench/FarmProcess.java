package io.kelvin.collectors.bench;

import io.kelvin.collectors.TestSites;
import io.kelvin.core.site.Device;
import io.kelvin.core.site.DeviceProfile;
import io.kelvin.core.site.Site;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The bench's simulated devices in a JVM of their own, so the bench's CPU and heap figures measure
 * Kelvin alone. The child ({@link #main}) starts a {@link BenchFarm}, prints one line per device
 * ({@code modbus ID PORT UNIT} or {@code opcua ID ENDPOINT}) and {@code ready}, and runs until its
 * standard input closes. The parent rebuilds the same site from those lines.
 */
final class FarmProcess implements Farm {

    private final Process child;
    private final Site site;
    private final List<Integer> gatewayPorts;

    private FarmProcess(Process child, Site site, List<Integer> gatewayPorts) {
        this.child = child;
        this.site = site;
        this.gatewayPorts = gatewayPorts;
    }

    /** Starts the child JVM with this JVM's class path and waits (at most 5 min) until its devices are up. */
    static FarmProcess start(int modbusDevices, int opcuaDevices, String maxHeap) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx" + maxHeap, "-cp", System.getProperty("java.class.path"),
                FarmProcess.class.getName(), Integer.toString(modbusDevices), Integer.toString(opcuaDevices))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        DeviceProfile modbus = BenchFarm.modbusProfile();
        DeviceProfile opcua = BenchFarm.opcuaProfile();
        List<Device> devices = new ArrayList<>();
        Set<Integer> ports = new LinkedHashSet<>();
        BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        for (String line = lines.readLine(); ; line = lines.readLine()) {
            if (line == null) {
                child.destroyForcibly();
                throw new IOException("the device process ended before it was ready (exit " + exitOf(child) + ")");
            }
            String[] f = line.split(" ");
            if (f[0].equals("ready")) {
                break;
            } else if (f[0].equals("modbus")) {
                int port = Integer.parseInt(f[2]);
                ports.add(port);
                devices.add(new Device(f[1], modbus, Optional.empty(), Optional.of("127.0.0.1"), port,
                        Integer.parseInt(f[3]), Optional.empty()));
            } else if (f[0].equals("opcua")) {
                devices.add(new Device(f[1], opcua, Optional.of(f[2]), Optional.empty(), 0, 0, Optional.empty()));
            }
        }
        Thread.ofVirtual().start(() -> drain(lines));
        return new FarmProcess(child, TestSites.site(devices), List.copyOf(ports));
    }

    @Override
    public Site site() {
        return site;
    }

    @Override
    public List<Integer> gatewayPorts() {
        return gatewayPorts;
    }

    @Override
    public Optional<Duration> cpu() {
        return child.toHandle().info().totalCpuDuration();
    }

    @Override
    public void close() throws Exception {
        child.getOutputStream().close();
        if (!child.waitFor(15, TimeUnit.SECONDS)) {
            child.destroyForcibly();
        }
    }

    private static void drain(BufferedReader lines) {
        try {
            while (lines.readLine() != null) {
                // the child prints nothing after ready; keep its pipe from filling anyway
            }
        } catch (IOException ignored) {
            // the child is gone
        }
    }

    private static String exitOf(Process process) {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** The child: {@code FarmProcess MODBUS_DEVICES OPCUA_DEVICES}. */
    public static void main(String[] args) throws Exception {
        try (BenchFarm farm = BenchFarm.start(Integer.parseInt(args[0]), Integer.parseInt(args[1]))) {
            StringBuilder out = new StringBuilder();
            for (Device device : farm.site().devices()) {
                if (device.endpoint().isPresent()) {
                    out.append("opcua ").append(device.id()).append(' ').append(device.endpoint().get()).append('\n');
                } else {
                    out.append("modbus ").append(device.id()).append(' ').append(device.port()).append(' ')
                            .append(device.unitId()).append('\n');
                }
            }
            out.append("ready\n");
            System.out.print(out);
            System.out.flush();
            while (System.in.read() >= 0) {
                // run until the parent closes our standard input (or dies)
            }
        }
    }
}
