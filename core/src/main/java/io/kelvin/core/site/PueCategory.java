package io.kelvin.core.site;

/** Where IT energy is measured, ISO/IEC 30134-2 clause 6: 1 = UPS/HVDC output, 2 = PDU output, 3 = IT input. */
public enum PueCategory {
    PUE1,
    PUE2,
    PUE3
}
