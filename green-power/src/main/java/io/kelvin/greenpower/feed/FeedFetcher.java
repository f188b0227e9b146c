package io.kelvin.greenpower.feed;

import java.time.Instant;

/** Gets the raw bytes of one feed: a file read or an HTTP GET. */
@FunctionalInterface
public interface FeedFetcher {

    /**
     * The feed's answer at {@code now} (the time dates in a URL template are filled from). Throws {@link FeedUnavailableException} with a message naming the feed and what went
     * wrong (file missing, HTTP status, timeout), never the token; {@link InterruptedException} when the thread is
     * interrupted while waiting.
     */
    byte[] fetch(Instant now) throws InterruptedException;
}
