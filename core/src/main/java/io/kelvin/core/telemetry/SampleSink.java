package io.kelvin.core.telemetry;

import java.util.List;

/**
 * Where collectors hand their samples. Must not block for long: implementations queue and return.
 */
@FunctionalInterface
public interface SampleSink {

    void accept(List<Sample> samples);
}
