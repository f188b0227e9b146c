package io.kelvin.simulator;

import java.nio.file.Path;
import java.time.InstantSource;

/**
 * How a twin runs: the clock its physics follows (settable in tests, so it can run faster than real
 * time), the seed of its random disturbances (same seed, same run), and a folder for state it keeps
 * between runs (cached OPC UA server key pairs).
 */
public record TwinOptions(InstantSource clock, long seed, Path stateDir) {
}
