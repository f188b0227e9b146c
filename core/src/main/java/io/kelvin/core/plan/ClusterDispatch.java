package io.kelvin.core.plan;

import java.time.Instant;
import java.util.OptionalDouble;

/**
 * The IT load the cluster is told to draw: the dispatched plan's IT power (idle GPUs plus the jobs it runs)
 * in the slot holding {@code at}, in kW. Implemented by the planning path (the newest stored plan); read by
 * whatever runs the cluster (in the demo, the digital twin's IT load follows it). Empty when no plan covers
 * {@code at}: then the cluster runs as it would without Kelvin.
 */
@FunctionalInterface
public interface ClusterDispatch {

    OptionalDouble itKwAt(Instant at);

    /** No plan dispatched, ever. */
    static ClusterDispatch none() {
        return at -> OptionalDouble.empty();
    }
}
