package io.kelvin.core.telemetry;

/** The store could not take or serve data right now (down, unreachable, disk full). Retry later. */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreUnavailableException(String message) {
        super(message);
    }
}
