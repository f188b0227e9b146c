package io.kelvin.core.telemetry;

/** Where collectors hand the alarms devices report. Must not block for long; called from protocol threads. */
@FunctionalInterface
public interface AlarmSink {

    void accept(Alarm alarm);
}
