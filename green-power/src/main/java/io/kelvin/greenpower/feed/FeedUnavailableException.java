package io.kelvin.greenpower.feed;

/** A feed could not be fetched this time: a fault of the outside world, kept as the feed's last problem. */
public class FeedUnavailableException extends RuntimeException {

    public FeedUnavailableException(String message) {
        super(message);
    }

    public FeedUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
