package io.kelvin.collectors;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Mutable, thread-safe health of one device. A read is named by a key (a Modbus request, an OPC UA
 * node); the device is DEGRADED while any key's latest attempt failed, DOWN while not connected.
 */
public final class HealthTracker {

    private final String device;
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean connected;
    private volatile String lastError;
    private volatile Instant lastSuccess;

    public HealthTracker(String device) {
        this.device = device;
    }

    public void readSucceeded(String key, Instant at) {
        ok.incrementAndGet();
        failing.remove(key);
        lastSuccess = at;
    }

    public void readFailed(String key, String error) {
        failed.incrementAndGet();
        failing.add(key);
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
        DeviceState state = !connected ? DeviceState.DOWN
                : failing.isEmpty() ? DeviceState.UP : DeviceState.DEGRADED;
        return new DeviceHealth(device, state, Optional.ofNullable(lastError), Optional.ofNullable(lastSuccess),
                ok.get(), failed.get());
    }
}
