package io.kelvin.identity;

/** No user or client by that name; the message names the field. Nothing was changed. */
public final class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
