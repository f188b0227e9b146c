package io.kelvin.core.site;

import io.kelvin.core.telemetry.Freshness;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What auditor reports need to know about the site that no meter measures (EU Delegated Regulation
 * 2024/1364, Annex I, asks for most of it). Every field is optional; a report lists a missing one as
 * not provided. Areas in m2, power in kW, temperatures in degrees C. {@code completenessThreshold} (a
 * share 0..1) is the GOOD coverage below which a report marks a figure; {@code freshness} says after how
 * many missed refreshes a live value (and the site totals derived from it) is STALE.
 */
public record Reporting(Optional<String> owner, Optional<String> operator, Optional<LocalDate> commissioned,
                        Optional<DataCentreType> type, Optional<String> municipality,
                        OptionalDouble totalFloorAreaM2, OptionalDouble computerRoomFloorAreaM2,
                        OptionalDouble installedItPowerKw, OptionalDouble itIntakeSetpointC,
                        double completenessThreshold, Freshness freshness) {

    /** The completeness threshold when the site file sets none: a figure whose meters cover less is marked. */
    public static final double DEFAULT_COMPLETENESS = 0.95;

    /** Nothing declared; the default completeness threshold and freshness. */
    public static final Reporting NONE = new Reporting(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
            OptionalDouble.empty(), DEFAULT_COMPLETENESS, Freshness.DEFAULT);

    /** The kinds of data centre Regulation 2024/1364, Article 2, defines. */
    public enum DataCentreType { ENTERPRISE, COLOCATION, CO_HOSTING }
}
