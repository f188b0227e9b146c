package io.kelvin.greenpower.dr;

import io.kelvin.core.dr.DrEventStatus;
import io.kelvin.core.dr.DrState;
import io.kelvin.core.dr.DrTransition;
import java.time.Instant;
import java.util.Optional;

/**
 * The lifecycle of one event version as a state machine: one handler per state, each deciding which
 * inputs move it where; anything else is refused with a reason (and recorded, so the audit trail shows
 * attempts as well as changes). Pure: the caller passes the time and stores the result.
 *
 * <pre>
 * RECEIVED -acknowledge-> ACKNOWLEDGED -opt-in-> OPTED_IN -re-plan-> REPLANNED -start-> ACTIVE -complete-> COMPLETED
 *                              \--opt-out--> OPTED_OUT <--opt-out-- (OPTED_IN, REPLANNED, ACTIVE)
 * OPTED_OUT -opt-back-in (an operator, with a reason)-> OPTED_IN (to be re-planned); refused in any other state
 * any state that is not final -cancel-> CANCELLED, -supersede-> SUPERSEDED
 * </pre>
 */
public final class DrLifecycle {

    /** The outcome: the new status (empty when refused) and the transition to record either way. */
    public record Step(Optional<DrEventStatus> next, DrTransition transition) {
    }

    private DrLifecycle() {
    }

    public static Step apply(DrEventStatus current, DrInput input, Instant at) {
        if (current.state().isFinal()) {
            return refuse(current, input, at, "the event is " + current.state().name().toLowerCase());
        }
        switch (input) {
            case DrInput.Cancelled c -> {
                return move(current, input, at, DrState.CANCELLED, c.why());
            }
            case DrInput.Superseded s -> {
                return move(current, input, at, DrState.SUPERSEDED, "replaced by version " + s.by().version());
            }
            case DrInput.OptBackIn back when current.state() != DrState.OPTED_OUT -> {
                return refuse(current, input, at, "the site has not opted out of the event (it is "
                        + current.state().name() + ")");
            }
            default -> {
            }
        }
        return switch (current.state()) {
            case RECEIVED -> received(current, input, at);
            case ACKNOWLEDGED -> acknowledged(current, input, at);
            case OPTED_IN -> optedIn(current, input, at);
            case OPTED_OUT -> optedOut(current, input, at);
            case REPLANNED -> replanned(current, input, at);
            case ACTIVE -> active(current, input, at);
            case COMPLETED, CANCELLED, SUPERSEDED -> refuse(current, input, at, "the event is final");
        };
    }

    private static Step received(DrEventStatus s, DrInput input, Instant at) {
        return input instanceof DrInput.Acknowledge ? move(s, input, at, DrState.ACKNOWLEDGED, "valid; accepted")
                : refuse(s, input, at, "a received event is acknowledged first");
    }

    private static Step acknowledged(DrEventStatus s, DrInput input, Instant at) {
        return switch (input) {
            case DrInput.OptIn in -> decide(s, in, at, DrState.OPTED_IN, in.reason());
            case DrInput.OptOut out -> optOut(s, out, at);
            case DrInput.Ended e -> move(s, input, at, DrState.COMPLETED, "span over before an opt-in");
            default -> refuse(s, input, at, "opt in or out first");
        };
    }

    private static Step optedIn(DrEventStatus s, DrInput input, Instant at) {
        return switch (input) {
            case DrInput.Replanned r -> move(s, input, at, DrState.REPLANNED, r.detail());
            case DrInput.OptOut out -> optOut(s, out, at);
            case DrInput.Started st -> move(s, input, at, DrState.ACTIVE, "started before a re-plan");
            case DrInput.Ended e -> move(s, input, at, DrState.COMPLETED, "span over");
            default -> refuse(s, input, at, "already opted in");
        };
    }

    private static Step optedOut(DrEventStatus s, DrInput input, Instant at) {
        return switch (input) {
            case DrInput.OptIn in -> decide(s, in, at, DrState.OPTED_IN, in.reason());
            case DrInput.OptBackIn back -> back.reason() == null || back.reason().isBlank()
                    ? refuse(s, input, at, "opting back in needs a reason")
                    : decide(s, input, at, DrState.OPTED_IN, Optional.of(back.reason().strip()));
            case DrInput.Ended e -> move(s, input, at, DrState.COMPLETED, "span over while opted out");
            default -> refuse(s, input, at, "the site opted out" + s.reason().map(r -> ": " + r).orElse(""));
        };
    }

    private static Step replanned(DrEventStatus s, DrInput input, Instant at) {
        return switch (input) {
            case DrInput.Replanned r -> move(s, input, at, DrState.REPLANNED, r.detail());
            case DrInput.Started st -> move(s, input, at, DrState.ACTIVE, "span began");
            case DrInput.OptOut out -> optOut(s, out, at);
            case DrInput.Ended e -> move(s, input, at, DrState.COMPLETED, "span over");
            default -> refuse(s, input, at, "already re-planned");
        };
    }

    private static Step active(DrEventStatus s, DrInput input, Instant at) {
        return switch (input) {
            case DrInput.Ended e -> move(s, input, at, DrState.COMPLETED, "span over");
            case DrInput.OptOut out -> optOut(s, out, at);
            case DrInput.Replanned r -> move(s, input, at, DrState.ACTIVE, r.detail());
            default -> refuse(s, input, at, "the event is under way");
        };
    }

    private static Step optOut(DrEventStatus s, DrInput.OptOut out, Instant at) {
        if (out.reason() == null || out.reason().isBlank()) {
            return refuse(s, out, at, "opting out needs a reason");
        }
        return decide(s, out, at, DrState.OPTED_OUT, Optional.of(out.reason().strip()));
    }

    private static Step decide(DrEventStatus s, DrInput input, Instant at, DrState to, Optional<String> why) {
        DrEventStatus next = s.decided(to, at, input.actor(), why);
        return new Step(Optional.of(next), new DrTransition(s.ref(), input.actor(), at, input.action(), s.state(), to,
                DrTransition.Outcome.DONE, why.orElse("")));
    }

    private static Step move(DrEventStatus s, DrInput input, Instant at, DrState to, String detail) {
        return new Step(Optional.of(s.moved(to, at)), new DrTransition(s.ref(), input.actor(), at, input.action(),
                s.state(), to, DrTransition.Outcome.DONE, detail));
    }

    private static Step refuse(DrEventStatus s, DrInput input, Instant at, String why) {
        return new Step(Optional.empty(), new DrTransition(s.ref(), input.actor(), at, input.action(), s.state(),
                s.state(), DrTransition.Outcome.REFUSED, why));
    }
}
