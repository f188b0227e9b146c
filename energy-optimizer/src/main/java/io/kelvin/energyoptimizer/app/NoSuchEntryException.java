package io.kelvin.energyoptimizer.app;

/** No job or plan with the requested id. The message is for people. */
public final class NoSuchEntryException extends RuntimeException {

    public NoSuchEntryException(String message) {
        super(message);
    }
}
