package io.kelvin.collectors;

import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of one device's acquisition health. {@code readsOk} and {@code readsFailed} count reads
 * since start (Modbus: requests; OPC UA: node reads and notifications). {@code lastSuccess} is the
 * collector clock's time of the newest successful read.
 */
public record DeviceHealth(String device, DeviceState state, Optional<String> lastError,
                           Optional<Instant> lastSuccess, long readsOk, long readsFailed) {
}
