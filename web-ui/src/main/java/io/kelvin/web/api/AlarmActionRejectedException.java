package io.kelvin.web.api;

import io.kelvin.core.alarm.ActionResult;

/**
 * An operator's alarm action that was not done, with the status that says whom to blame: 404 no such
 * alarm, 400 bad input, 409 the alarm's state does not allow it, 502 the device refused it or could not
 * be asked. The message is the desk's, naming the alarm and why.
 */
public class AlarmActionRejectedException extends RuntimeException {

    private final int status;

    public AlarmActionRejectedException(ActionResult.Rejected rejected) {
        super(rejected.reason());
        this.status = switch (rejected.kind()) {
            case UNKNOWN_ALARM -> 404;
            case INVALID_INPUT -> 400;
            case NOT_ALLOWED -> 409;
            case DEVICE_REFUSED, DEVICE_UNREACHABLE -> 502;
        };
    }

    public int status() {
        return status;
    }
}
