package io.kelvin.greenpower.dr.oadr;

import java.time.Instant;

/** OpenADR 3.1 {@code objectMetadata}: what the VTN sets on every object it stores. */
public record ObjectMetadata(String id, Instant createdDateTime, Instant modificationDateTime, ObjectType objectType) {
}
