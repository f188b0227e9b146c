package io.kelvin.core.site.load;

import io.kelvin.core.site.Cluster;
import io.kelvin.core.site.DemandResponse;
import io.kelvin.core.site.Device;
import io.kelvin.core.site.DeviceProfile;
import io.kelvin.core.site.Feed;
import io.kelvin.core.site.ForecastSettings;
import io.kelvin.core.site.GridConnection;
import io.kelvin.core.site.Meter;
import io.kelvin.core.site.Protocol;
import io.kelvin.core.site.RenewableContract;
import io.kelvin.core.site.Reporting;
import io.kelvin.core.site.Site;
import io.kelvin.core.site.SiteInfo;
import io.kelvin.core.telemetry.PointId;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the body of a site file; profiles come through the loader so each is read once. */
final class SiteReader {

    private final SiteLoader.ProfileLookup profiles;
    private final String file;
    private final Path configRoot;
    private final Problems problems;
    private final ReportingReader reportingReader;

    SiteReader(SiteLoader.ProfileLookup profiles, String file, Path configRoot, Problems problems) {
        this.profiles = profiles;
        this.file = file;
        this.configRoot = configRoot;
        this.problems = problems;
        this.reportingReader = new ReportingReader(file, problems);
    }

    Site read(Node root) {
        root.allowOnly("site", "grid", "cluster", "meters", "devices", "demandResponse", "feeds", "forecast",
                "reporting", "renewables");
        SiteInfo info = root.object("site").map(this::info).orElse(null);
        GridConnection grid = root.object("grid").map(this::grid).orElse(null);
        Cluster cluster = root.object("cluster").map(SiteReader::cluster).orElse(null);
        List<Device> devices = devices(root.list("devices"));
        ZoneId zone = info == null ? ZoneId.of("UTC") : info.timezone();
        List<Meter> meters = new MeterReader(file, problems, devices, zone).read(root.list("meters"));
        Optional<DemandResponse> demandResponse = root.optObject("demandResponse")
                .map(node -> new DemandResponseReader(configRoot).read(node, meters));
        List<Feed> feeds = root.has("feeds") ? new FeedsReader(configRoot).read(root.list("feeds")) : List.of();
        ForecastSettings forecast = root.optObject("forecast").map(ForecastReader::read).orElse(ForecastSettings.DEFAULT);
        Reporting reporting = root.optObject("reporting").map(reportingReader::reporting).orElse(Reporting.NONE);
        List<RenewableContract> renewables = root.has("renewables")
                ? reportingReader.renewables(root.list("renewables")) : List.of();
        return new Site(info, grid, meters, devices, cluster, configRoot, demandResponse, feeds, forecast, reporting,
                renewables);
    }

    private SiteInfo info(Node node) {
        node.allowOnly("id", "name", "timezone", "latitude", "longitude");
        String id = node.id("id", PointId.ID);
        ZoneId zone = ZoneId.of("UTC");
        String zoneText = node.text("timezone");
        try {
            zone = zoneText.isEmpty() ? zone : ZoneId.of(zoneText);
        } catch (DateTimeException e) {
            problems.add(file, node.path() + ".timezone", "unknown time zone '" + zoneText + "' (use an IANA name like Asia/Shanghai)");
        }
        return new SiteInfo(id, node.optText("name").orElse(id), zone,
                node.number("latitude", -90, 90), node.number("longitude", -180, 180));
    }

    private GridConnection grid(Node node) {
        node.allowOnly("importLimitKw", "exportAllowed", "tariff", "carbon");
        double limit = node.number("importLimitKw", 0.001, 1e7);
        Optional<String> tariff = node.optText("tariff");
        tariff.ifPresent(path -> requireFile(node.path() + ".tariff", path));
        Optional<GridConnection.Carbon> carbon = node.optObject("carbon").map(reportingReader::carbon);
        return new GridConnection(limit, node.bool("exportAllowed", false), tariff, carbon);
    }

    private void requireFile(String path, String relative) {
        if (!Files.isRegularFile(configRoot.resolve(relative))) {
            problems.add(file, path, "file '" + relative + "' not found under the site-configs folder");
        }
    }

    private static Cluster cluster(Node node) {
        node.allowOnly("gpus", "idleKwPerGpu", "activeKwPerGpu");
        int gpus = node.integer("gpus", 1, 10_000_000);
        double idle = node.number("idleKwPerGpu", 0, 10);
        double active = node.number("activeKwPerGpu", 0, 10);
        if (active < idle) {
            node.problem("activeKwPerGpu " + active + " is below idleKwPerGpu " + idle);
        }
        return new Cluster(gpus, idle, active);
    }

    private List<Device> devices(List<Node> nodes) {
        List<Device> devices = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        Map<String, String> addresses = new HashMap<>();
        for (Node node : nodes) {
            node.allowOnly("id", "profile", "endpoint", "host", "port", "unitId", "ratedKw", "mode", "security");
            String id = node.id("id", PointId.ID);
            String earlier = ids.putIfAbsent(id, node.path());
            if (earlier != null && !id.isEmpty()) {
                problems.add(file, node.path() + ".id", "duplicate device id '" + id + "' (first at " + earlier + ")");
            }
            String profileId = node.text("profile");
            Optional<DeviceProfile> profile = profileId.isEmpty() ? Optional.empty()
                    : profiles.find(profileId, file, node.path() + ".profile");
            Optional<Double> ratedKw = node.optNumber("ratedKw");
            ratedKw.filter(kw -> kw <= 0).ifPresent(kw -> problems.add(file, node.path() + ".ratedKw", "must be above 0"));
            int problemsBefore = problems.size();
            profile.map(p -> device(node, id, p, ratedKw)).ifPresent(device -> {
                // A device whose address fields are wrong carries fallback values: comparing those would
                // report a clash that is only an echo of the problem already reported.
                if (problems.size() == problemsBefore) {
                    String address = device.endpoint().orElse(device.host().orElse("") + ":" + device.port() + "/" + device.unitId());
                    String holder = addresses.putIfAbsent(address, node.path());
                    if (holder != null) {
                        node.problem("address " + address + " is already used by " + holder);
                    }
                }
                devices.add(device);
            });
        }
        return List.copyOf(devices);
    }

    private Device device(Node node, String id, DeviceProfile profile, Optional<Double> ratedKw) {
        if (profile.protocol() == Protocol.OPCUA) {
            String endpoint = node.text("endpoint");
            if (!endpoint.isEmpty() && !validOpcEndpoint(endpoint)) {
                problems.add(file, node.path() + ".endpoint", "'" + endpoint + "' must look like opc.tcp://host:port[/path]");
            }
            for (String modbusOnly : List.of("host", "port", "unitId")) {
                if (node.has(modbusOnly)) {
                    problems.add(file, node.path() + "." + modbusOnly, "belongs to Modbus devices; profile '" + profile.id() + "' is OPC UA");
                }
            }
            return new Device(id, profile, Optional.of(endpoint), Optional.empty(), 0, 0, ratedKw,
                    OpcUaReader.device(node, configRoot));
        }
        for (String opcuaOnly : List.of("mode", "security")) {
            if (node.has(opcuaOnly)) {
                problems.add(file, node.path() + "." + opcuaOnly, "belongs to OPC UA devices; profile '" + profile.id() + "' is Modbus");
            }
        }
        if (node.has("endpoint")) {
            problems.add(file, node.path() + ".endpoint", "belongs to OPC UA devices; profile '" + profile.id() + "' is Modbus");
        }
        String host = node.text("host");
        int port = node.integerOr("port", 502, 1, 65535);
        int unitId = node.integer("unitId", 1, 247);
        return new Device(id, profile, Optional.empty(), Optional.of(host), port, unitId, ratedKw);
    }

    private static boolean validOpcEndpoint(String endpoint) {
        try {
            URI uri = URI.create(endpoint);
            return "opc.tcp".equals(uri.getScheme()) && uri.getHost() != null && uri.getPort() > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
