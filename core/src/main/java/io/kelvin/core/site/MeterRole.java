package io.kelvin.core.site;

/**
 * What a meter measures; the role fixes how KPIs use it (ISO/IEC 30134). Power meters are in kW,
 * positive in the direction the role names (import, consumption, generation, heat out).
 */
public enum MeterRole {
    GRID_IMPORT,
    GRID_EXPORT,
    IT_LOAD,
    COOLING,
    /**
     * Energy into the UPS / HVDC systems whose outputs the IT_LOAD meters measure; the power
     * conversion subsystem consumes this minus IT (partial PUE of power conversion).
     */
    POWER_CONVERSION_INPUT,
    LIGHTING_AND_OTHER,
    PV,
    WIND,
    HEAT_EXPORT,
    /** Water consumption in litres per minute, for WUE. */
    WATER
}
