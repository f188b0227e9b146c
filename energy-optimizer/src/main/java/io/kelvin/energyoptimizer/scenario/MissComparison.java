package io.kelvin.energyoptimizer.scenario;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The deadlines one policy missed that a baseline met, split by how the baseline met them. The goal
 * is "no missed deadline that a baseline meets", but run-immediately ignores hard DR caps, so a count of
 * misses alone credits it with deadlines that no valid plan may meet that way. A job counts as met only while
 * breaking a DR cap if it ran in any slot where the baseline's metered import was above an event's cap.
 *
 * @param metWithinCaps   missed by the policy, met by the baseline without running in a cap-breaking slot
 * @param metBreakingCaps missed by the policy, met by the baseline but run in a slot where it broke a DR cap
 */
public record MissComparison(String policy, String baseline, List<String> metWithinCaps,
                             List<String> metBreakingCaps) {

    private static final int LISTED_IDS = 10;

    public MissComparison {
        metWithinCaps = List.copyOf(metWithinCaps);
        metBreakingCaps = List.copyOf(metBreakingCaps);
    }

    /** Compares {@code policy}'s misses with {@code baseline}'s, in the order of {@code policy.missedJobs()}. */
    public static MissComparison of(ScenarioResult policy, ScenarioResult baseline) {
        var metByBaseline = policy.missedJobs().stream().filter(id -> !baseline.missedJobs().contains(id))
                .collect(Collectors.partitioningBy(baseline.capBreakingJobs()::contains));
        return new MissComparison(policy.policy(), baseline.policy(), metByBaseline.get(false), metByBaseline.get(true));
    }

    /** Jobs the policy missed that the baseline met, within the caps or not. */
    public int metByBaseline() {
        return metWithinCaps.size() + metBreakingCaps.size();
    }

    /** One line naming up to ten of the jobs the baseline met within the DR caps. */
    public String line() {
        String ids = "";
        if (!metWithinCaps.isEmpty()) {
            ids = ": " + String.join(", ", metWithinCaps.subList(0, Math.min(LISTED_IDS, metWithinCaps.size())))
                    + (metWithinCaps.size() > LISTED_IDS ? ", ..." : "");
        }
        return String.format(Locale.ROOT, "%s vs %s: missed %d jobs this baseline met (%d within the DR caps%s;"
                + " %d only while breaking a DR cap)", policy, baseline, metByBaseline(), metWithinCaps.size(), ids,
                metBreakingCaps.size());
    }
}
