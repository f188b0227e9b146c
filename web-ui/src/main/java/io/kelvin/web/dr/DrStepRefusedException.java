package io.kelvin.web.dr;

/** An operator's step on a DR event that the lifecycle refused (the event is over, cancelled, ...): 409. */
public final class DrStepRefusedException extends RuntimeException {

    public DrStepRefusedException(String message) {
        super(message);
    }
}
