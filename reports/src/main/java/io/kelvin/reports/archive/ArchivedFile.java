package io.kelvin.reports.archive;

/** One file of an archived month, with its size and the SHA-256 its month's manifest states. */
public record ArchivedFile(String name, long bytes, String sha256) {
}
