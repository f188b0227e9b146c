package io.kelvin.energyoptimizer.model;

/**
 * Why a job runs where it runs. Savings compare the planned slots with running the job from its
 * release at once, priced at each slot's marginal grid share (0 where surplus renewables cover it):
 * positive = the plan is better. {@code boundBy} names the constraint that held the job where it
 * is ("none", "release", "deadline", "gpu-capacity", "import-limit", "dr-cap", "fixed").
 */
public record Explanation(String text, double savedKwh, double savedEur, double savedKgCo2, String boundBy) {
}
