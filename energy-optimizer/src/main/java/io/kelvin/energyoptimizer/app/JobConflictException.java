package io.kelvin.energyoptimizer.app;

/** A job with this id was already submitted; nothing was changed. The message is for people. */
public final class JobConflictException extends RuntimeException {

    public JobConflictException(String message) {
        super(message);
    }
}
