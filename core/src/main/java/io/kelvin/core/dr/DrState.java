package io.kelvin.core.dr;

/**
 * Where one demand-response event stands at the site. RECEIVED: read from the VTN, not yet looked
 * at; ACKNOWLEDGED: valid and accepted for consideration; OPTED_IN / OPTED_OUT: an operator's
 * decision (opting out needs a reason); REPLANNED: the plan now keeps the event's caps; ACTIVE: the
 * event's span has begun; COMPLETED: its span is over; CANCELLED: the VTN withdrew it; SUPERSEDED: a
 * newer version of the event replaced this one.
 */
public enum DrState {
    RECEIVED, ACKNOWLEDGED, OPTED_IN, OPTED_OUT, REPLANNED, ACTIVE, COMPLETED, CANCELLED, SUPERSEDED;

    /** Whether the event can no longer change state. */
    public boolean isFinal() {
        return this == COMPLETED || this == CANCELLED || this == SUPERSEDED;
    }
}
