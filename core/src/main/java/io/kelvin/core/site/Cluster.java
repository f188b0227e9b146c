package io.kelvin.core.site;

/** The AI cluster's size and power model: kW per GPU idle and busy, including host share. */
public record Cluster(int gpus, double idleKwPerGpu, double activeKwPerGpu) {

    /** IT power at a utilization between 0 and 1, in kW. */
    public double itPowerKw(double utilization) {
        return gpus * (idleKwPerGpu + (activeKwPerGpu - idleKwPerGpu) * utilization);
    }
}
