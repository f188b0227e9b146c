package io.kelvin.core.site;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What auditor reports need to know about the site that no meter measures (EU Delegated Regulation
 * 2024/1364, Annex I, asks for most of it). Every field is optional; a report lists a missing one as
 * not provided. Areas in m2, power in kW, temperatures in degrees C.
 */
public record Reporting(Optional<String> owner, Optional<String> operator, Optional<LocalDate> commissioned,
                        Optional<DataCentreType> type, Optional<String> municipality,
                        OptionalDouble totalFloorAreaM2, OptionalDouble computerRoomFloorAreaM2,
                        OptionalDouble installedItPowerKw, OptionalDouble itIntakeSetpointC) {

    /** Nothing declared. */
    public static final Reporting NONE = new Reporting(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
            OptionalDouble.empty());

    /** The kinds of data centre Regulation 2024/1364, Article 2, defines. */
    public enum DataCentreType { ENTERPRISE, COLOCATION, CO_HOSTING }
}
