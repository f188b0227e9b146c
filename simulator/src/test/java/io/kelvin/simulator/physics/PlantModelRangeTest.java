package io.kelvin.simulator.physics;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.site.Device;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.site.Site;
import io.kelvin.testkit.SiteFixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlantModelRangeTest {

    private static final Duration STEP = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    // The app marks values outside a profile's range OUT_OF_RANGE; the twin must give all-GOOD data,
    // in the hottest (mechanical cooling) and coldest (free cooling) weeks alike.
    @ParameterizedTest
    @ValueSource(strings = {"2025-07-20T00:00:00Z", "2025-01-15T00:00:00Z", "2025-04-10T00:00:00Z"})
    void everyPointStaysInItsProfileRangeAndPueStaysInBandFor48Hours(String start) {
        Site site = SiteFixtures.demoSite(dir);
        PlantModel model = PlantModel.create(site, 42, Instant.parse(start));
        List<String> violations = new ArrayList<>();
        double minPue = Double.MAX_VALUE;
        double maxPue = 0;
        for (int i = 0; i < 48 * 360 && violations.size() < 20; i++) {
            model.advance(STEP);
            checkRanges(site, model, violations);
            double pue = model.totals().pue();
            minPue = Math.min(minPue, pue);
            maxPue = Math.max(maxPue, pue);
        }
        assertThat(violations).as("points outside their profile range").isEmpty();
        assertThat(minPue).as("lowest PUE").isGreaterThanOrEqualTo(1.05);
        assertThat(maxPue).as("highest PUE").isLessThanOrEqualTo(1.6);
    }

    private static void checkRanges(Site site, PlantModel model, List<String> violations) {
        for (Device device : site.devices()) {
            Map<String, Double> values = model.values(device.id());
            for (PointDef point : device.profile().points().stream().filter(p -> !p.isText()).toList()) {
                double value = values.get(point.name());
                if (!point.range().contains(value)) {
                    violations.add(model.now() + " " + device.id() + "." + point.name() + " = " + value
                            + " not in " + point.range());
                }
            }
        }
    }
}
