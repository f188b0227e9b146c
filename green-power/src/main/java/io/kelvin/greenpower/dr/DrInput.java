package io.kelvin.greenpower.dr;

import io.kelvin.core.dr.EventRef;
import java.util.Optional;

/**
 * What can happen to an event version: the VTN sent it, withdrew it or replaced it; Kelvin checked
 * it; an operator opted in or out; the planner re-planned for it; its span began or ended. Each carries
 * who did it ({@code actor}).
 */
public sealed interface DrInput {

    String actor();

    /** A short name for the audit trail. */
    String action();

    record Received(String actor) implements DrInput {
        public String action() { return "receive"; }
    }

    record Acknowledge(String actor) implements DrInput {
        public String action() { return "acknowledge"; }
    }

    record OptIn(String actor, Optional<String> reason) implements DrInput {
        public String action() { return "opt-in"; }
    }

    /**
     * An operator undoes the site's opt-out of an event (with a reason): the event goes back to planning.
     * Only an opted-out event can be opted back into.
     */
    record OptBackIn(String actor, String reason) implements DrInput {
        public String action() { return "opt-back-in"; }
    }

    /** Opting out needs a reason (issue 12: an operator, with a reason). */
    record OptOut(String actor, String reason) implements DrInput {
        public String action() { return "opt-out"; }
    }

    record Replanned(String actor, String detail) implements DrInput {
        public String action() { return "re-plan"; }
    }

    record Started(String actor) implements DrInput {
        public String action() { return "start"; }
    }

    record Ended(String actor) implements DrInput {
        public String action() { return "complete"; }
    }

    record Cancelled(String actor, String why) implements DrInput {
        public String action() { return "cancel"; }
    }

    record Superseded(String actor, EventRef by) implements DrInput {
        public String action() { return "supersede"; }
    }
}
