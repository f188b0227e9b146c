package io.kelvin.greenpower.dr;

import io.kelvin.core.dr.DrDirective;
import io.kelvin.core.dr.DrEventStatus;
import io.kelvin.core.dr.DrEventStore;
import io.kelvin.core.dr.DrState;
import io.kelvin.core.dr.DrTransition;
import io.kelvin.core.dr.EventRef;
import io.kelvin.core.site.DemandResponse;
import io.kelvin.greenpower.dr.oadr.Event;
import io.kelvin.greenpower.dr.oadr.Program;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The site's demand-response events: takes event versions as the VEN client reads them, keeps only
 * the newest version of each (the same version is never acted on twice, across restarts too, since the
 * version is kept in the {@link DrEventStore}), resolves them ({@link EventResolver}), drives each
 * through {@link DrLifecycle} and tells a listener when the directives the planner must keep change.
 * Events of programs outside the site's program filter are ignored. New events are opted in on
 * Kelvin's behalf (actor "kelvin"); an operator may opt out with a reason and opt back in with one. Thread-safe.
 */
public final class DrEvents {

    /** What an offered event version led to. */
    public enum Offer { NEW, UPDATED, DUPLICATE, STALE, CANCELLED, REFUSED, IGNORED }

    /** How long a completed event stays held for its reports. */
    public static final java.time.Duration KEEP_COMPLETED = java.time.Duration.ofDays(7);

    private static final String KELVIN = "kelvin";

    private final DemandResponse settings;
    private final DrEventStore store;
    private final EventResolver resolver;
    private final InstantSource clock;
    private final Consumer<List<DrDirective>> onChange;
    private final Map<String, Held> held = new LinkedHashMap<>();

    private record Held(Program program, Event event, DemandResponse.Program mapping) {
    }

    public DrEvents(DemandResponse settings, DrEventStore store, EventResolver resolver, InstantSource clock,
                    Consumer<List<DrDirective>> onChange) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.store = Objects.requireNonNull(store, "store");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onChange = Objects.requireNonNull(onChange, "onChange");
    }

    /**
     * Takes one event version of {@code program} from {@code source} (named on the steps it causes); see
     * {@link Offer}.
     */
    public synchronized Offer offer(EventSource source, Program program, Event event) {
        Optional<DemandResponse.Program> mapping = settings.program(program.programName());
        if (mapping.isEmpty()) {
            return Offer.IGNORED;
        }
        Instant now = clock.instant();
        EventRef ref = new EventRef(program.id(), event.id(), event.meta().modificationDateTime());
        Optional<DrEventStatus> known = store.find(event.id());
        if (known.isPresent() && !ref.supersedes(known.get().ref())) {
            return known.get().ref().version().equals(ref.version()) ? Offer.DUPLICATE : Offer.STALE;
        }
        Resolution resolution = resolver.resolve(program, event, mapping.get(), now, now);
        if (resolution instanceof Resolution.Refuse refuse) {
            DrState state = known.map(DrEventStatus::state).orElse(DrState.RECEIVED);
            store.refused(new DrTransition(ref, source.actor(), now, "receive", state, state, DrTransition.Outcome.REFUSED,
                    String.join("; ", refuse.problems())));
            return Offer.REFUSED;
        }
        known.filter(k -> !k.state().isFinal()).ifPresent(k -> step(k, new DrInput.Superseded(source.actor(), ref), now));
        if (resolution instanceof Resolution.Cancel cancel) {
            DrEventStatus status = receive(source, ref, event, now);
            step(status, new DrInput.Cancelled(source.actor(), cancel.why()), now);
            held.remove(event.id());
            changed();
            return Offer.CANCELLED;
        }
        DrEventStatus status = receive(source, ref, event, now);
        if (resolution instanceof Resolution.Act act) {
            store.recordCaps(ref, act.directive().caps());
        }
        status = step(status, new DrInput.Acknowledge(KELVIN), now);
        step(status, new DrInput.OptIn(KELVIN, Optional.of("program " + program.programName() + " takes part")), now);
        held.put(event.id(), new Held(program, event, mapping.get()));
        changed();
        return known.isPresent() ? Offer.UPDATED : Offer.NEW;
    }

    /** The event's source deleted it (a VTN's DELETE notification or complete listing, a grid API DELETE). */
    public synchronized boolean withdraw(EventSource source, String eventId, String why) {
        Optional<DrEventStatus> known = store.find(eventId).filter(s -> !s.state().isFinal());
        known.ifPresent(s -> {
            step(s, new DrInput.Cancelled(source.actor(), why), clock.instant());
            held.remove(eventId);
            changed();
        });
        return known.isPresent();
    }

    /** An operator opts the site out of an event; refused without a reason. */
    public synchronized DrTransition optOut(String eventId, String actor, String reason) {
        return operator(eventId, new DrInput.OptOut(actor, reason));
    }

    /**
     * An operator undoes the site's opt-out of an event, with a reason: the event is opted in again and
     * re-planned. Refused (and recorded) when the event's span is over (it is completed first), when it was
     * cancelled or superseded, or when the site has not opted out of it.
     */
    public synchronized DrTransition optBackIn(String eventId, String actor, String reason) {
        Instant now = clock.instant();
        store.find(eventId).filter(s -> !s.state().isFinal())
                .filter(s -> directive(eventId, now).map(d -> d.isOver(now)).orElse(false))
                .ifPresent(s -> step(s, new DrInput.Ended("clock"), now));
        return operator(eventId, new DrInput.OptBackIn(actor, reason));
    }

    public synchronized DrTransition optIn(String eventId, String actor, Optional<String> reason) {
        return operator(eventId, new DrInput.OptIn(actor, reason));
    }

    /** The planner made a plan that keeps the event's caps. */
    public synchronized void replanned(String eventId, String detail) {
        store.find(eventId).ifPresent(s -> step(s, new DrInput.Replanned("planner", detail), clock.instant()));
    }

    /**
     * Moves events whose span began or ended; call it every planning slot or so. A completed event is
     * held for {@link #KEEP_COMPLETED} more, for its reports, then let go.
     */
    public synchronized void tick() {
        Instant now = clock.instant();
        for (DrEventStatus status : store.all()) {
            if (status.state() == DrState.COMPLETED && status.changedAt().plus(KEEP_COMPLETED).isBefore(now)) {
                held.remove(status.ref().eventId());
                continue;
            }
            Optional<DrDirective> directive = directive(status.ref().eventId(), now);
            if (status.state().isFinal() || directive.isEmpty()) {
                continue;
            }
            if (directive.get().isOver(now)) {
                step(status, new DrInput.Ended("clock"), now);
                changed();
            } else if (directive.get().isActive(now) && status.state() != DrState.ACTIVE
                    && status.state() != DrState.OPTED_OUT) {
                step(status, new DrInput.Started("clock"), now);
            }
        }
    }

    /** Directives of every event the site takes part in now (opted in, re-planned or active). */
    public synchronized List<DrDirective> directives() {
        Instant now = clock.instant();
        List<DrDirective> list = new ArrayList<>();
        for (DrEventStatus status : store.all()) {
            if (status.state() == DrState.OPTED_IN || status.state() == DrState.REPLANNED || status.state() == DrState.ACTIVE) {
                directive(status.ref().eventId(), now).ifPresent(list::add);
            }
        }
        return List.copyOf(list);
    }

    /** The event versions the site holds, for reports (report descriptors) and the view. */
    public synchronized Optional<Event> event(String eventId) {
        return Optional.ofNullable(held.get(eventId)).map(Held::event);
    }

    /** The event's intervals placed in time (for its reports), up to the resolver's horizon from now. */
    public synchronized List<TimedInterval> intervals(String eventId) {
        Held h = held.get(eventId);
        if (h == null) {
            return List.of();
        }
        Instant now = clock.instant();
        Instant receivedAt = store.find(eventId).map(DrEventStatus::receivedAt).orElse(now);
        return IntervalTimeline.place(h.event(), receivedAt, resolver.venSeed(), now.plus(resolver.horizon()),
                new ArrayList<>());
    }

    /** Every lifecycle transition of the event, oldest first (the audit trail's view). */
    public synchronized List<DrTransition> history(String eventId) {
        return store.history(eventId);
    }

    /** Why the newest refused version of the event was refused, if one was. */
    public synchronized Optional<String> lastRefusal(String eventId) {
        return store.history(eventId).stream().filter(DrTransition::isRefused).reduce((a, b) -> b)
                .map(DrTransition::detail);
    }

    public synchronized Optional<DrState> state(String eventId) {
        return store.find(eventId).map(DrEventStatus::state);
    }

    /** The program id an event belongs to, while the site holds the event. */
    public synchronized Optional<String> programOf(String eventId) {
        return Optional.ofNullable(held.get(eventId)).map(h -> h.program().id());
    }

    public synchronized List<String> heldEventIds() {
        return List.copyOf(held.keySet());
    }

    private Optional<DrDirective> directive(String eventId, Instant now) {
        Held h = held.get(eventId);
        if (h == null) {
            return Optional.empty();
        }
        Instant receivedAt = store.find(eventId).map(DrEventStatus::receivedAt).orElse(now);
        return resolver.resolve(h.program(), h.event(), h.mapping(), receivedAt, now) instanceof Resolution.Act act
                ? Optional.of(act.directive()) : Optional.empty();
    }

    private DrTransition operator(String eventId, DrInput input) {
        Optional<DrEventStatus> status = store.find(eventId);
        if (status.isEmpty()) {
            throw new IllegalArgumentException("no event '" + eventId + "'");
        }
        step(status.get(), input, clock.instant());
        changed();
        return store.history(eventId).getLast();
    }

    private DrEventStatus receive(EventSource source, EventRef ref, Event event, Instant now) {
        DrEventStatus status = new DrEventStatus(ref, event.eventName().orElse(event.id()), DrState.RECEIVED, now, now,
                Optional.empty(), Optional.empty());
        store.record(status, new DrTransition(ref, source.actor(), now, "receive", DrState.RECEIVED, DrState.RECEIVED,
                DrTransition.Outcome.DONE, "version " + ref.version()));
        return status;
    }

    private DrEventStatus step(DrEventStatus status, DrInput input, Instant now) {
        DrLifecycle.Step step = DrLifecycle.apply(status, input, now);
        if (step.next().isPresent()) {
            store.record(step.next().get(), step.transition());
            return step.next().get();
        }
        store.refused(step.transition());
        return status;
    }

    private void changed() {
        onChange.accept(directives());
    }
}
