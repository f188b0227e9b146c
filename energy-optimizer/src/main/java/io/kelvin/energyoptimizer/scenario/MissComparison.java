package io.kelvin.energyoptimizer.scenario;

import io.kelvin.energyoptimizer.model.Job;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The deadlines one policy missed that a baseline met, split by how the baseline met them. The goal
 * is "no missed deadline that a baseline meets", but run-immediately ignores hard DR caps, so a count of
 * misses alone credits it with deadlines that no valid plan may meet that way. A job counts as met only while
 * breaking a DR cap if it ran in any slot where the baseline's metered import was above an event's cap.
 *
 * <p>When a DR window is over-subscribed, some job in it must be late whatever the policy
 * ({@code check.DrOversubscription} proves it for the reference week's first evening). Two policies then
 * pick different jobs, and a baseline that meets job A does so by missing others. So each job the policy
 * missed and the baseline met within the caps is matched against the jobs the baseline missed and the policy
 * met whose windows ({@code [release, deadline)}) overlap its own: it is <em>traded</em> when those weigh at
 * least as much as it does (priority x GPUs x duration, the scale of the missed-job penalty), each of the
 * baseline's misses paying for at most one of the policy's. A miss that is not traded is one the baseline
 * avoided without missing more elsewhere in the same hours: the goal allows none.
 *
 * @param metWithinCaps   missed by the policy, met by the baseline without running in a cap-breaking slot
 * @param metBreakingCaps missed by the policy, met by the baseline but run in a slot where it broke a DR cap
 * @param tradedFor       for each traded job of {@code metWithinCaps}, the baseline's misses that paid for it
 */
public record MissComparison(String policy, String baseline, List<String> metWithinCaps,
                             List<String> metBreakingCaps, Map<String, List<String>> tradedFor) {

    private static final int LISTED_IDS = 10;

    public MissComparison {
        metWithinCaps = List.copyOf(metWithinCaps);
        metBreakingCaps = List.copyOf(metBreakingCaps);
        tradedFor = Collections.unmodifiableMap(new LinkedHashMap<>(tradedFor));
    }

    /**
     * Compares {@code policy}'s misses with {@code baseline}'s, in the order of {@code policy.missedJobs()}.
     * {@code jobs}: the scenario's jobs (for windows and weights); every missed id must be among them.
     */
    public static MissComparison of(ScenarioResult policy, ScenarioResult baseline, List<Job> jobs) {
        Map<String, Job> byId = jobs.stream().collect(Collectors.toMap(Job::id, Function.identity()));
        var metByBaseline = policy.missedJobs().stream().filter(id -> !baseline.missedJobs().contains(id))
                .collect(Collectors.partitioningBy(baseline.capBreakingJobs()::contains));
        List<Job> pool = baseline.missedJobs().stream()
                .filter(id -> !policy.missedJobs().contains(id) && !policy.capBreakingJobs().contains(id))
                .map(id -> job(byId, id)).toList();
        Set<String> used = new HashSet<>();
        Map<String, List<String>> traded = new LinkedHashMap<>();
        for (String id : metByBaseline.get(false)) {
            Job missed = job(byId, id);
            List<Job> candidates = pool.stream().filter(j -> !used.contains(j.id()) && overlap(j, missed))
                    .sorted(Comparator.comparingInt((Job j) -> Math.abs(j.releaseSlot() - missed.releaseSlot()))
                            .thenComparing(Job::id))
                    .toList();
            List<String> paid = new ArrayList<>();
            double sum = 0;
            for (Job c : candidates) {
                if (sum >= weight(missed)) {
                    break;
                }
                paid.add(c.id());
                sum += weight(c);
            }
            if (sum >= weight(missed)) {
                used.addAll(paid);
                traded.put(id, paid);
            }
        }
        return new MissComparison(policy.policy(), baseline.policy(), metByBaseline.get(false), metByBaseline.get(true),
                traded);
    }

    private static Job job(Map<String, Job> byId, String id) {
        Job j = byId.get(id);
        if (j == null) {
            throw new IllegalArgumentException("missed job " + id + " is not among the scenario's jobs");
        }
        return j;
    }

    private static boolean overlap(Job a, Job b) {
        return a.releaseSlot() < b.deadlineSlot() && b.releaseSlot() < a.deadlineSlot();
    }

    /** Priority x GPUs x duration (slots): what missing the job weighs. */
    static double weight(Job j) {
        return (double) j.priority() * j.gpus() * j.durationSlots();
    }

    /** Jobs the policy missed that the baseline met, within the caps or not. */
    public int metByBaseline() {
        return metWithinCaps.size() + metBreakingCaps.size();
    }

    /** Jobs the policy missed that the baseline met within the caps without missing more in the same hours. */
    public List<String> untraded() {
        return metWithinCaps.stream().filter(id -> !tradedFor.containsKey(id)).toList();
    }

    /** One line naming up to ten of the jobs the baseline met within the DR caps, and what each cost it. */
    public String line() {
        String ids = "";
        if (!metWithinCaps.isEmpty()) {
            ids = ": " + String.join(", ", metWithinCaps.subList(0, Math.min(LISTED_IDS, metWithinCaps.size())))
                    + (metWithinCaps.size() > LISTED_IDS ? ", ..." : "");
        }
        String trades = "";
        if (!metWithinCaps.isEmpty()) {
            List<String> listed = tradedFor.entrySet().stream().limit(LISTED_IDS)
                    .map(e -> e.getKey() + " for " + String.join("+", e.getValue())).toList();
            trades = String.format(Locale.ROOT, "; %d traded (the baseline missed in the same hours jobs this policy met,"
                    + " weighing at least as much%s), %d not", tradedFor.size(),
                    listed.isEmpty() ? "" : ": " + String.join(", ", listed) + (tradedFor.size() > LISTED_IDS ? ", ..." : ""),
                    untraded().size());
        }
        return String.format(Locale.ROOT, "%s vs %s: missed %d jobs this baseline met (%d within the DR caps%s;"
                + " %d only while breaking a DR cap)%s", policy, baseline, metByBaseline(), metWithinCaps.size(), ids,
                metBreakingCaps.size(), trades);
    }
}
