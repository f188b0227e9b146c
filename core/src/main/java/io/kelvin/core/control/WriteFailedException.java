package io.kelvin.core.control;

/** The device refused a write, did not answer, or read back a different value. */
public class WriteFailedException extends RuntimeException {

    public WriteFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    public WriteFailedException(String message) {
        super(message);
    }
}
