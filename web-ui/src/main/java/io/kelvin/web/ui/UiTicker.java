package io.kelvin.web.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * One small scheduler shared by every open dashboard, so a hundred browser tabs cost a hundred
 * short tasks, not a hundred threads. Views register on attach and remove the registration on
 * detach. A task that throws is logged and keeps its schedule: one broken tile never stops the
 * others from refreshing.
 */
@ApplicationScoped
public class UiTicker {

    private static final Logger LOG = Logger.getLogger(UiTicker.class);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("kelvin-ui-ticker").daemon(true).factory());

    /** Runs {@code task} every {@code period}, first after {@code period}; remove the registration to stop. */
    public Registration every(Duration period, Runnable task) {
        ScheduledFuture<?> future = scheduler.scheduleAtFixedRate(() -> runGuarded(task),
                period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    /**
     * Runs {@code command} in {@code ui}'s session every {@code period} and pushes the changes. Once
     * the UI is gone the task cancels itself, in case its detach listener has not run yet.
     */
    public Registration push(UI ui, Duration period, Command command) {
        AtomicReference<Registration> self = new AtomicReference<>();
        self.set(every(period, () -> {
            try {
                ui.access(command);
            } catch (UIDetachedException e) {
                Registration registration = self.get();
                if (registration != null) {
                    registration.remove();
                }
            }
        }));
        return self.get();
    }

    /**
     * Pushes {@code command} every {@code period} while {@code component} is attached: started on each
     * attach, removed on detach. Call it once, from the component's constructor.
     */
    public void pushWhileAttached(Component component, Duration period, Command command) {
        AtomicReference<Registration> running = new AtomicReference<>();
        component.addAttachListener(e -> replace(running, push(e.getUI(), period, command)));
        component.addDetachListener(e -> replace(running, null));
    }

    private static void replace(AtomicReference<Registration> slot, Registration next) {
        Registration previous = slot.getAndSet(next);
        if (previous != null) {
            previous.remove();
        }
    }

    private static void runGuarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Dashboard refresh failed; it is retried on the next tick");
        }
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
