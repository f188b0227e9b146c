package io.kelvin.core.alarm;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Who an alarm is: the device that raised it, the device's own identifier of the condition (OPC UA:
 * the ConditionId, written as a node id with its namespace URI, e.g. {@code nsu=urn:acme:cdu;s=Leak},
 * so it survives a server restart that renumbers namespaces), and the condition branch when the
 * device keeps earlier states of the condition as branches (OPC UA Part 9, 4.4). A branch is an
 * alarm instance of its own until it is acknowledged and the device drops it.
 */
public record AlarmKey(String device, String conditionId, Optional<String> branchId) {

    private static final String SEPARATOR = "\u001f";

    public AlarmKey {
        requireText(device, "device");
        requireText(conditionId, "conditionId");
        Objects.requireNonNull(branchId, "branchId");
        branchId.ifPresent(b -> requireText(b, "branchId"));
        if (device.contains(SEPARATOR) || conditionId.contains(SEPARATOR)
                || branchId.filter(b -> b.contains(SEPARATOR)).isPresent()) {
            throw new IllegalArgumentException("alarm key parts must not contain U+001F");
        }
    }

    /** The condition itself (its trunk), not one of its branches. */
    public static AlarmKey of(String device, String conditionId) {
        return new AlarmKey(device, conditionId, Optional.empty());
    }

    /**
     * A URL-safe name of this key, for APIs and links: base64url without padding of device, ConditionId
     * and BranchId (when a branch) joined by U+001F, a character none of them holds. {@link #fromId} reads it.
     */
    public String id() {
        String joined = device + SEPARATOR + conditionId + branchId.map(b -> SEPARATOR + b).orElse("");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /** The key named by {@link #id()}; IllegalArgumentException naming {@code id} when it names none. */
    public static AlarmKey fromId(String id) {
        Objects.requireNonNull(id, "id");
        try {
            String joined = StandardCharsets.UTF_8.newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(Base64.getUrlDecoder().decode(id))).toString();
            String[] parts = joined.split(SEPARATOR, -1);
            if (parts.length == 2) {
                return of(parts[0], parts[1]);
            }
            if (parts.length == 3) {
                return new AlarmKey(parts[0], parts[1], Optional.of(parts[2]));
            }
        } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
            // named below
        }
        throw new IllegalArgumentException("id: not an alarm id, was '" + id + "'");
    }

    public boolean isBranch() {
        return branchId.isPresent();
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /** {@code device/conditionId}, with {@code #branchId} for a branch. */
    @Override
    public String toString() {
        return device + "/" + conditionId + branchId.map(b -> "#" + b).orElse("");
    }
}
