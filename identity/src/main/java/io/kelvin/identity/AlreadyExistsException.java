package io.kelvin.identity;

/** A user name or client id that is taken; the message names the field. Nothing was changed. */
public final class AlreadyExistsException extends RuntimeException {

    public AlreadyExistsException(String message) {
        super(message);
    }
}
