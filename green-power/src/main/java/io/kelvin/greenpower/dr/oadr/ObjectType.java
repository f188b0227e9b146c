package io.kelvin.greenpower.dr.oadr;

/** OpenADR 3.1 {@code objectTypes}: the objects addressable through the API. */
public enum ObjectType { PROGRAM, EVENT, REPORT, SUBSCRIPTION, VEN, RESOURCE }
