package io.kelvin.core.site;

/** The kind of plant a device is. Each class is one InfluxDB measurement. */
public enum DeviceClass {
    CDU("cdu"),
    CHILLER("chiller"),
    HVDC("hvdc"),
    PV("pv"),
    WIND("wind"),
    METER("meter"),
    HEAT_EXCHANGER("heat"),
    CLUSTER("cluster"),
    /** Points Kelvin derives itself (site totals, PUE). */
    SITE("site");

    private final String measurement;

    DeviceClass(String measurement) {
        this.measurement = measurement;
    }

    /** The InfluxDB measurement that holds this class's points. */
    public String measurement() {
        return measurement;
    }
}
