package io.kelvin.core.dr;

/** The OpenADR 3.1 objects Kelvin's own grid API keeps (the schema's {@code objectTypes} it serves). */
public enum GridObjectType { PROGRAM, EVENT, REPORT, SUBSCRIPTION }
