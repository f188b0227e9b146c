package io.kelvin.core.site;

import java.util.List;
import java.util.Optional;

/**
 * The points of one device model, loaded from {@code site-configs/profiles/ID.yaml}. Adding a
 * device model needs a profile, never a Java change. OPC UA profiles name the server namespace their
 * node ids live in by URI, so the index the server assigns does not matter.
 */
public record DeviceProfile(String id, String manufacturer, String model, DeviceClass deviceClass,
                            Protocol protocol, Optional<String> namespaceUri, List<PointDef> points) {

    public Optional<PointDef> point(String name) {
        return points.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
