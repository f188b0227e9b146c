package io.kelvin.core.plan;

import java.time.Instant;
import java.util.Objects;

/**
 * One input a plan was made with, and how good it was: {@code input} (PV, WIND, UNSCHEDULED_IT_LOAD,
 * CARBON_LOCATION_BASED, CARBON_MARKET_BASED, IMPORT_PRICE, AMBIENT), where it came from ({@code source}, for
 * people), when its data was last received (null: never or not applicable), its {@code freshness} with
 * {@code detail} (why it is stale or unavailable), and how many of the plan's {@code slots} rest on a fallback
 * ({@code fallbackSlots}: the last good day, a stale value, a model without data, or the app's setting).
 * {@code fallback} is true when any slot did or the source is not fresh.
 */
public record PlanInput(String input, String source, Instant refreshedAt, Freshness freshness, String detail,
                        int fallbackSlots, int slots, boolean fallback) {

    /** How current an input's source was when the plan was made. */
    public enum Freshness {
        /** Refreshed within its staleness limit. */
        FRESH,
        /** Its last good answer is older than its limit. */
        STALE,
        /** It never gave a usable answer. */
        UNAVAILABLE,
        /** The site file configures no source: the app's setting was used. */
        NOT_CONFIGURED
    }

    public PlanInput {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(freshness, "freshness");
        detail = detail == null ? "" : detail;
    }
}
