package io.kelvin.reports.export;

import java.util.Optional;

/**
 * One field of the EU data-centre reporting pack: where the regulation asks for it, its value (a
 * rounded number or text, or none), and where Kelvin took it from and how.
 */
record EedField(String id, String annex, String item, Optional<Cell> value, String unit, Status status, String source,
                String method) {

    /** Where a field's value comes from. */
    enum Status {
        /** Computed from the site's meters over the period. */
        MEASURED,
        /** Declared in the site file (facts no meter measures). */
        DECLARED,
        /** Kelvin could compute it but the data does not allow it this period (the method says why). */
        UNAVAILABLE,
        /** Kelvin has no source for it: the operator must supply it. */
        NOT_PROVIDED
    }
}
