package io.kelvin.greenpower.dr.oadr;

import java.util.List;

/**
 * OpenADR 3.1 {@code notification}: what the VTN posts to a subscription's callback. {@code object} is
 * the subject, read as the type {@code objectType} names ({@link Program}, {@link Event}, ...).
 */
public record Notification(ObjectType objectType, Operation operation, Object object, List<String> targets) {

    public Notification {
        targets = List.copyOf(targets);
    }
}
