package io.kelvin.reports.report;

/** The store holds no GOOD data from any meter of the site in the period: there is nothing to report. */
public final class NoDataException extends RuntimeException {

    public NoDataException(String message) {
        super(message);
    }
}
