package io.kelvin.core.site;

/**
 * How a profile's points are found. NONE: the profile lists them. SUNSPEC: the collector finds the
 * SunSpec marker and model chain on the device and places the standard points of the models it
 * knows ({@code io.kelvin.core.modbus.sunspec.SunSpecModels}); the profile declares those points
 * without registers so that meters and the rest of the system can name them.
 */
public enum Discovery {
    NONE,
    SUNSPEC
}
