package io.kelvin.collectors.interop;

import io.kelvin.core.site.Device;
import io.kelvin.core.site.DeviceProfile;
import io.kelvin.core.site.load.SiteLoader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Optional;

/** The profiles of the interop peers, under {@code src/test/resources/interop/profiles}. */
final class InteropProfiles {

    private InteropProfiles() {
    }

    static DeviceProfile load(String id) {
        URL root = InteropProfiles.class.getResource("/interop/profiles");
        try {
            return SiteLoader.loadProfile(Path.of(root.toURI()).getParent(), id);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad test resource URL " + root, e);
        }
    }

    static Device modbusDevice(String id, String profile, int port, int unitId) {
        return new Device(id, load(profile), Optional.empty(), Optional.of("127.0.0.1"), port, unitId, Optional.empty());
    }

    static Device opcuaDevice(String id, String profile, String endpoint) {
        return new Device(id, load(profile), Optional.of(endpoint), Optional.empty(), 0, 0, Optional.empty());
    }
}
