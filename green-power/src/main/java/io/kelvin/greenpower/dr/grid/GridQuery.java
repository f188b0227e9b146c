package io.kelvin.greenpower.dr.grid;

import io.kelvin.greenpower.dr.oadr.ObjectType;
import java.util.List;
import java.util.Optional;

/**
 * The query parameters of a grid API list (OpenADR 3.1): {@code programID}, {@code eventID},
 * {@code clientName}, {@code targets}, {@code objects} (subscriptions), {@code active} (events) and
 * {@code skip}/{@code limit} (0..50, default 50).
 */
public record GridQuery(Optional<String> programId, Optional<String> eventId, Optional<String> clientName,
                        List<String> targets, List<ObjectType> objects, boolean active, int skip, int limit) {

    public static final int MAX_LIMIT = 50;

    public GridQuery {
        targets = List.copyOf(targets);
        objects = List.copyOf(objects);
    }

    public static GridQuery all() {
        return new GridQuery(Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(), false, 0, MAX_LIMIT);
    }
}
