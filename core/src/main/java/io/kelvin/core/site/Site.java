package io.kelvin.core.site;

import io.kelvin.core.telemetry.PointId;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A validated site: what the plant is, how to reach every device, and which points the meters read.
 * {@code configRoot} is the site-configs folder the site was loaded from (tariff and carbon paths are
 * relative to it). {@code reporting} and {@code renewables} serve auditor reports.
 */
public record Site(SiteInfo info, GridConnection grid, List<Meter> meters, List<Device> devices,
                   Cluster cluster, Path configRoot, Reporting reporting, List<RenewableContract> renewables) {

    public Site {
        renewables = List.copyOf(renewables);
    }

    /** A site without reporting information or renewable contracts. */
    public Site(SiteInfo info, GridConnection grid, List<Meter> meters, List<Device> devices, Cluster cluster,
                Path configRoot) {
        this(info, grid, meters, devices, cluster, configRoot, Reporting.NONE, List.of());
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
