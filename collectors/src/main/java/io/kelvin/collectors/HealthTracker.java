package io.kelvin.collectors;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Mutable, thread-safe health of one device. A read is named by a key (a Modbus request, an OPC UA
 * node). The state is debounced: DOWN before the first connection, while disconnected (OPC UA
 * session lost), or after {@link #DOWN_AFTER} reads in a row went unanswered; UP again after one
 * answered read; in between DEGRADED while any key's latest attempt failed. A refusal (the device
 * answered "no", e.g. a Modbus exception response) degrades but never counts towards DOWN.
 */
public final class HealthTracker {

    /** Unanswered reads in a row after which a device is DOWN. */
    public static final int DOWN_AFTER = 3;

    private final String device;
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicInteger unansweredInARow = new AtomicInteger();
    private volatile boolean connected;
    private volatile String lastError;
    private volatile Instant lastSuccess;

    public HealthTracker(String device) {
        this.device = device;
    }

    public void readSucceeded(String key, Instant at) {
        ok.incrementAndGet();
        failing.remove(key);
        unansweredInARow.set(0);
        lastSuccess = at;
    }

    /** A read that got no answer (no connection, timeout, bad frame): counts towards DOWN. */
    public void readFailed(String key, String error) {
        failed.incrementAndGet();
        failing.add(key);
        unansweredInARow.incrementAndGet();
        lastError = error;
    }

    /** A read the device answered with a refusal: DEGRADED, and proof that the device is there. */
    public void readRefused(String key, String error) {
        failed.incrementAndGet();
        failing.add(key);
        unansweredInARow.set(0);
        lastError = error;
    }

    public void connected() {
        connected = true;
    }

    public void disconnected(String error) {
        connected = false;
        lastError = error;
    }

    public boolean isConnected() {
        return connected;
    }

    public DeviceHealth snapshot() {
        DeviceState state = !connected || unansweredInARow.get() >= DOWN_AFTER ? DeviceState.DOWN
                : failing.isEmpty() ? DeviceState.UP : DeviceState.DEGRADED;
        return new DeviceHealth(device, state, Optional.ofNullable(lastError), Optional.ofNullable(lastSuccess),
                ok.get(), failed.get());
    }
}
