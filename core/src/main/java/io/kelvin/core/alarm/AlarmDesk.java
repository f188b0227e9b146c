package io.kelvin.core.alarm;

import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alarms as a facility engineer acts on them. Takes every event the collectors report: conditions at or
 * above the policy's severity floor become alarms, every other event is counted and dropped; each
 * change goes through {@link AlarmLifecycle} into the {@link AlarmStore} and to the listener. Between a
 * device's RefreshStarted and RefreshEnded it flags the device's current alarms as suspect and clears
 * those the device did not replay (OPC UA Part 9, 4.5). Operator actions are checked, carried out on the
 * device through {@link AlarmActions} (outside the lock, so a slow device holds up no one else), and
 * recorded only when the device took them. A failing store is logged and never stops the collector
 * thread that delivered the event.
 */
public final class AlarmDesk implements DeviceEventSink {

    private static final Logger LOG = LoggerFactory.getLogger(AlarmDesk.class);

    private final AlarmStore store;
    private final AlarmActions actions;
    private final AlarmPolicy policy;
    private final AlarmLifecycle lifecycle;
    private final AlarmListener listener;
    private final Object lock = new Object();
    private final Map<String, Set<AlarmKey>> suspects = new HashMap<>();
    private final Map<AlarmKey, AlarmLifecycle.Pending> pending = new HashMap<>();
    private final AtomicLong notAlarms = new AtomicLong();
    private final AtomicLong belowFloor = new AtomicLong();

    public AlarmDesk(AlarmStore store, AlarmActions actions, AlarmPolicy policy, InstantSource clock,
                     AlarmListener listener) {
        this.store = store;
        this.actions = actions;
        this.policy = policy;
        this.lifecycle = new AlarmLifecycle(clock, policy);
        this.listener = listener;
    }

    @Override
    public void accept(DeviceEvent event) {
        try {
            switch (event) {
                case ConditionEvent condition -> onCondition(condition);
                case DeviceEvent.OtherEvent other -> notAnAlarm(other);
                case DeviceEvent.RefreshStarted started -> refreshStarted(started.device());
                case DeviceEvent.RefreshEnded ended -> refreshEnded(ended.device());
            }
        } catch (RuntimeException e) {
            LOG.error("alarm event of {} could not be recorded: {}", event.device(), event, e);
        }
    }

    public ActionResult acknowledge(AlarmKey key, String operator, String comment) {
        return act(key, new OperatorAction.Acknowledge(operator, comment));
    }

    public ActionResult confirm(AlarmKey key, String operator, String comment) {
        return act(key, new OperatorAction.Confirm(operator, comment));
    }

    /** Shelves for {@code duration} ({@link Shelving#TIMED}) or until it returns to normal ({@code ONE_SHOT}, no duration). */
    public ActionResult shelve(AlarmKey key, String operator, Shelving kind, Optional<Duration> duration, String comment) {
        return act(key, new OperatorAction.Shelve(operator, kind, duration, comment));
    }

    public ActionResult unshelve(AlarmKey key, String operator, String comment) {
        return act(key, new OperatorAction.Unshelve(operator, comment));
    }

    /** Current alarms, active first by severity (see {@link Alarm#DISPLAY_ORDER}). */
    public List<Alarm> current(int limit) {
        return store.current(limit);
    }

    public Optional<Alarm> find(AlarmKey key) {
        return store.find(key);
    }

    public HistoryPage history(HistoryQuery query) {
        return store.history(query);
    }

    /** Events that were not conditions (session, audit, system events), since start. */
    public long notAlarms() {
        return notAlarms.get();
    }

    /** New conditions below the severity floor, since start. */
    public long belowFloor() {
        return belowFloor.get();
    }

    private void onCondition(ConditionEvent event) {
        synchronized (lock) {
            Set<AlarmKey> flagged = suspects.get(event.device());
            if (flagged != null) {
                flagged.remove(event.key());
            }
            Optional<Alarm> before = store.find(event.key());
            if (before.filter(Alarm::retained).isEmpty() && !policy.admits(event)) {
                belowFloor.incrementAndGet();
                return;
            }
            lifecycle.onDevice(before, event, pending.getOrDefault(event.key(), AlarmLifecycle.Pending.NONE))
                    .ifPresent(this::save);
        }
    }

    private void notAnAlarm(DeviceEvent.OtherEvent event) {
        notAlarms.incrementAndGet();
        LOG.debug("not an alarm (no condition): {}", event);
    }

    private void refreshStarted(String device) {
        synchronized (lock) {
            Set<AlarmKey> flagged = new HashSet<>();
            store.currentOf(device).forEach(a -> flagged.add(a.key()));
            suspects.put(device, flagged);
        }
    }

    private void refreshEnded(String device) {
        synchronized (lock) {
            Set<AlarmKey> flagged = suspects.remove(device);
            if (flagged == null) {
                return;
            }
            for (AlarmKey key : flagged) {
                store.find(key).filter(Alarm::retained).map(lifecycle::clearedByRefresh).ifPresent(this::save);
            }
        }
    }

    private ActionResult act(AlarmKey key, OperatorAction action) {
        Alarm alarm;
        Note note = lifecycle.noteFor(action);
        synchronized (lock) {
            Optional<Alarm> found = store.find(key);
            if (found.isEmpty()) {
                return new ActionResult.Rejected(ActionResult.Kind.UNKNOWN_ALARM, "no alarm " + key);
            }
            alarm = found.get();
            Optional<ActionResult.Rejected> rejected = lifecycle.check(alarm, action);
            if (rejected.isPresent()) {
                return rejected.get();
            }
            pending.put(key, PendingActions.with(pending.getOrDefault(key, AlarmLifecycle.Pending.NONE), action, note));
        }
        DeviceAnswer answer;
        try {
            answer = send(alarm.handle(), action);
        } catch (RuntimeException e) {
            LOG.warn("{} of {} failed in the device adapter", action.verb(), key, e);
            answer = new DeviceAnswer.Unreachable(e.getMessage() != null ? e.getMessage() : e.toString());
        } finally {
            synchronized (lock) {
                PendingActions.without(pending, key, action);
            }
        }
        return recordAnswer(alarm, action, note, answer);
    }

    private ActionResult recordAnswer(Alarm alarm, OperatorAction action, Note note, DeviceAnswer answer) {
        String what = action.verb() + " " + ActionRules.describe(alarm);
        return switch (answer) {
            case DeviceAnswer.Accepted accepted -> {
                synchronized (lock) {
                    Alarm now = store.find(alarm.key()).orElse(alarm);
                    AlarmLifecycle.Change change = lifecycle.apply(now, action, note);
                    if (!change.transitions().isEmpty()) {
                        save(change);
                    }
                    LOG.info("{} did {}: {}", action.operator(), what, action.comment());
                    yield new ActionResult.Done(change.alarm());
                }
            }
            case DeviceAnswer.Refused refused -> new ActionResult.Rejected(ActionResult.Kind.DEVICE_REFUSED,
                    alarm.device() + " refused to " + what + ": " + refused.code() + " (" + refused.message() + ")");
            case DeviceAnswer.Unreachable unreachable -> new ActionResult.Rejected(ActionResult.Kind.DEVICE_UNREACHABLE,
                    "cannot " + what + ": " + unreachable.message());
        };
    }

    private DeviceAnswer send(ConditionHandle handle, OperatorAction action) {
        return switch (action) {
            case OperatorAction.Acknowledge a -> actions.acknowledge(handle, a.comment());
            case OperatorAction.Confirm c -> actions.confirm(handle, c.comment());
            case OperatorAction.Shelve s -> actions.shelve(handle, s.kind(), s.duration().orElse(Duration.ZERO), s.comment());
            case OperatorAction.Unshelve u -> actions.unshelve(handle, u.comment());
        };
    }

    private void save(AlarmLifecycle.Change change) {
        store.save(change.alarm(), change.transitions());
        try {
            listener.changed(change.alarm(), change.transitions());
        } catch (RuntimeException e) {
            LOG.warn("alarm listener failed on {}", change.alarm().key(), e);
        }
    }
}
