package io.kelvin.greenpower.forecast;

import io.kelvin.core.forecast.Freshness;
import io.kelvin.core.forecast.Provenance;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Provenance of a model over the site's meters: fresh while the newest measurement is within {@link #STALE_AFTER} of
 * the time the forecast is made for (the earlier of now and the request start), stale after, unavailable without any.
 */
final class ModelProvenance {

    /** Meters are polled every few seconds; an hour without a value means the collection is down. */
    static final Duration STALE_AFTER = Duration.ofHours(1);

    private ModelProvenance() {
    }

    static Provenance of(String source, MeterHistory.Result history, Instant asOf) {
        if (history.newest().isEmpty()) {
            String reason = history.problem().orElse("no measurement in the history window");
            return new Provenance(source, Optional.empty(), new Freshness.Unavailable(reason));
        }
        Instant newest = history.newest().get();
        Duration age = Duration.between(newest, asOf);
        Freshness f = age.compareTo(STALE_AFTER) > 0
                ? new Freshness.Stale(age, STALE_AFTER, "no measurement since " + newest)
                : Freshness.Fresh.ok();
        return new Provenance(source, Optional.of(newest), f);
    }
}
