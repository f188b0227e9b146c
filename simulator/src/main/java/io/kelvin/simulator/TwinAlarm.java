package io.kelvin.simulator;

/**
 * An alarm condition the twin's OPC UA devices can raise: its ConditionName, its severity (1..1000,
 * OPC UA Part 5, 6.4.2) and whether it has a ConfirmedState (Part 9, 5.7.2).
 */
public record TwinAlarm(String condition, int severity, boolean confirmable) {

    /** Water on a CDU's leak-detection rope: high severity (801-1000), to be confirmed once dry. */
    public static final TwinAlarm LEAK = new TwinAlarm("LeakDetected", 900, true);
    /** A CDU's pump tripped: medium-high severity (601-800), no confirmation. */
    public static final TwinAlarm PUMP_FAULT = new TwinAlarm("PumpFault", 700, false);

    public TwinAlarm {
        if (condition == null || condition.isBlank()) {
            throw new IllegalArgumentException("condition must be named");
        }
        if (severity < 1 || severity > 1000) {
            throw new IllegalArgumentException("severity must be 1..1000, was " + severity);
        }
    }
}
