package io.kelvin.core.site;

import io.kelvin.core.telemetry.PointId;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A validated site: what the plant is, how to reach every device, and which points the meters read.
 * {@code configRoot} is the site-configs folder the site was loaded from (tariff and carbon paths are
 * relative to it). {@code demandResponse}: the OpenADR 3 VEN settings, when the site takes part in
 * demand response. {@code feeds} are the external series the forecast reads (carbon, price, ambient, wind speed)
 * and {@code forecast} how the site's own forecasts are made. {@code reporting} and {@code renewables} serve
 * auditor reports: facts no meter measures, and renewable energy bought with certificates.
 */
public record Site(SiteInfo info, GridConnection grid, List<Meter> meters, List<Device> devices,
                   Cluster cluster, Path configRoot, Optional<DemandResponse> demandResponse, List<Feed> feeds,
                   ForecastSettings forecast, Reporting reporting, List<RenewableContract> renewables) {

    /** A site without demand response, feeds or forecast settings of its own. */
    public Site(SiteInfo info, GridConnection grid, List<Meter> meters, List<Device> devices, Cluster cluster,
                Path configRoot) {
        this(info, grid, meters, devices, cluster, configRoot, Optional.empty());
    }

    /** A site without feeds and with the default forecast settings. */
    public Site(SiteInfo info, GridConnection grid, List<Meter> meters, List<Device> devices, Cluster cluster,
                Path configRoot, Optional<DemandResponse> demandResponse) {
        this(info, grid, meters, devices, cluster, configRoot, demandResponse, List.of(), ForecastSettings.DEFAULT);
    }

    /** A site without reporting facts or renewable contracts. */
    public Site(SiteInfo info, GridConnection grid, List<Meter> meters, List<Device> devices, Cluster cluster,
                Path configRoot, Optional<DemandResponse> demandResponse, List<Feed> feeds, ForecastSettings forecast) {
        this(info, grid, meters, devices, cluster, configRoot, demandResponse, feeds, forecast, Reporting.NONE, List.of());
    }

    public Site {
        feeds = List.copyOf(feeds);
        renewables = List.copyOf(renewables);
    }

    /** The feed of a kind (and, for carbon, of a method), if the site file names one. */
    public Optional<Feed> feed(FeedKind kind, Optional<GridConnection.CarbonMethod> method) {
        return feeds.stream().filter(f -> f.kind() == kind && f.method().equals(method)).findFirst();
    }

    public Optional<Device> device(String id) {
        return devices.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    public List<Meter> meters(MeterRole role) {
        return meters.stream().filter(m -> m.role() == role).toList();
    }

    public List<Device> devices(DeviceClass deviceClass) {
        return devices.stream().filter(d -> d.deviceClass() == deviceClass).toList();
    }

    /** Every numeric point (telemetry) the site's devices expose, in site order; text points are device information. */
    public List<PointId> points() {
        return devices.stream()
                .flatMap(d -> d.profile().points().stream().filter(p -> !p.isText()).map(p -> PointId.of(d.id(), p.name())))
                .toList();
    }
}
