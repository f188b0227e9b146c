package io.kelvin.greenpower.dr.oadr;

/** An operation on an object, as subscriptions and notifications name it (OpenADR 3.1 schema enum). */
public enum Operation { CREATE, READ, UPDATE, DELETE }
