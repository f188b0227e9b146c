package io.kelvin.web.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.flow.shared.Registration;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UiTickerTest {

    private static final Duration PERIOD = Duration.ofMillis(20);

    private final UiTicker ticker = new UiTicker();

    @AfterEach
    void stop() {
        ticker.stop();
    }

    @Test
    void taskThatThrowsKeepsItsScheduleSoOneBrokenTileNeverStopsRefreshing() {
        AtomicInteger runs = new AtomicInteger();
        ticker.every(PERIOD, () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("broken tile");
        });

        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 3);
    }

    @Test
    void removingTheRegistrationStopsTheTask() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        Registration registration = ticker.every(PERIOD, runs::incrementAndGet);
        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 1);

        registration.remove();
        Thread.sleep(PERIOD.multipliedBy(3).toMillis());
        int afterRemove = runs.get();
        Thread.sleep(PERIOD.multipliedBy(5).toMillis());

        assertThat(runs.get()).isEqualTo(afterRemove);
    }
}
