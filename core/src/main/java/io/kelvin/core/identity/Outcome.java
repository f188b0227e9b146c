package io.kelvin.core.identity;

/** How an audited action ended: done, refused (bad credentials, no right, bad input), or failed on the way (device, database). */
public enum Outcome {
    SUCCESS,
    DENIED,
    FAILED
}
