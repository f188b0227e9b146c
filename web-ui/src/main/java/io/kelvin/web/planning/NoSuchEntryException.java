package io.kelvin.web.planning;

/** No job or plan with the requested id. The message is for people. */
public final class NoSuchEntryException extends RuntimeException {

    public NoSuchEntryException(String message) {
        super(message);
    }
}
