package io.kelvin.greenpower.dr.ven;

/**
 * A VTN exchange that failed: {@code status} is the HTTP status (0 when the VTN was not reached) and
 * the message is the VTN's own words (its problem detail, or OAuth2 error_description) when it gave
 * any.
 */
public final class VtnException extends RuntimeException {

    private final int status;

    public VtnException(int status, String message) {
        super(message);
        this.status = status;
    }

    public VtnException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    public int status() {
        return status;
    }

    public boolean unauthorized() {
        return status == 401;
    }
}
