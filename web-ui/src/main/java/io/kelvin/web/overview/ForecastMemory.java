package io.kelvin.web.overview;

import io.kelvin.core.forecast.ForecastProvider;
import io.kelvin.core.forecast.ForecastRequest;
import io.kelvin.core.forecast.HorizonForecast;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The site's {@link ForecastProvider} as the planner uses it, keeping its last few answers so the plan view can
 * draw what a plan was told beyond the plan's own slots (the P10/P90 band of PV, the IT load Kelvin does not
 * schedule) without asking the feeds again. Only answers given since the app started are known.
 */
public final class ForecastMemory implements ForecastProvider {

    static final int KEPT = 8;

    private final ForecastProvider delegate;
    private final Deque<HorizonForecast> answers = new ArrayDeque<>();

    public ForecastMemory(ForecastProvider delegate) {
        this.delegate = delegate;
    }

    @Override
    public HorizonForecast forecast(ForecastRequest request) {
        HorizonForecast answer = delegate.forecast(request);
        synchronized (answers) {
            answers.addFirst(answer);
            while (answers.size() > KEPT) {
                answers.removeLast();
            }
        }
        return answer;
    }

    /** The newest answer given for exactly this horizon, if any since start. */
    public Optional<HorizonForecast> answerFor(Instant start, Duration slotLength, int slots) {
        synchronized (answers) {
            return answers.stream().filter(f -> f.request().start().equals(start)
                    && f.request().slotLength().equals(slotLength) && f.request().slots() == slots).findFirst();
        }
    }
}
