package io.kelvin.core.site;

/** How a device is reached. */
public enum Protocol {
    OPCUA,
    MODBUS
}
