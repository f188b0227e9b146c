package io.kelvin.simulator.physics;

import java.util.SplittableRandom;

/**
 * A seeded Ornstein-Uhlenbeck process: mean-reverting noise with a stationary standard deviation
 * and a correlation time. Exact discretisation:
 * {@code x' = mean + (x - mean) e^(-dt/tau) + std * sqrt(1 - e^(-2 dt/tau)) * N(0,1)}.
 */
final class OuProcess {

    private final double mean;
    private final double std;
    private final double tauSeconds;
    private final SplittableRandom random;
    private double value;

    OuProcess(double mean, double std, double tauSeconds, long seed) {
        this.mean = mean;
        this.std = std;
        this.tauSeconds = tauSeconds;
        this.random = new SplittableRandom(seed);
        this.value = mean + std * random.nextGaussian();
    }

    double step(double dtSeconds) {
        double decay = Math.exp(-dtSeconds / tauSeconds);
        value = mean + (value - mean) * decay + std * Math.sqrt(1 - decay * decay) * random.nextGaussian();
        return value;
    }

    double value() {
        return value;
    }
}
