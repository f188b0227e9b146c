package io.kelvin.reports.report;

import io.kelvin.core.site.PueCategory;
import java.util.Optional;

/**
 * How the report's PUE is designated (ISO/IEC 30134-2:2016): its category from where IT energy is
 * measured ({@code PUE1} UPS/HVDC output, {@code PUE2} PDU output, {@code PUE3} IT equipment input;
 * a site whose IT meters mix categories reports the lowest), and whether it is interim (a period
 * shorter than 12 months).
 */
public record Designation(Optional<PueCategory> category, boolean mixedCategories, boolean interim) {

    /** {@code PUE1}, {@code interim PUE2}, or {@code PUE (category unknown)}. */
    public String label() {
        String name = category.map(Enum::name).orElse("PUE (category unknown)");
        return (interim ? "interim " : "") + name + (mixedCategories ? " (IT meters of mixed categories)" : "");
    }
}
