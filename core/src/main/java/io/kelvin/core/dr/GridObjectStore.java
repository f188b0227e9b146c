package io.kelvin.core.dr;

import java.util.List;
import java.util.Optional;

/**
 * Port to where Kelvin's own OpenADR 3.1 grid API keeps its programs, events, reports and subscriptions
 * (the JDBC adapter is {@code state}'s {@code JdbcGridObjectStore}; green-power's {@code dr.grid.GridApi}
 * is the one user). A program's name is unique among programs.
 */
public interface GridObjectStore {

    /** Stores a new object; false (nothing stored) when its id, or a program's name, is taken. */
    boolean insert(GridObject object);

    /** Replaces the object of the same type and id; false when there is none or a program's new name is taken. */
    boolean replace(GridObject object);

    Optional<GridObject> find(GridObjectType type, String id);

    /** Removes the object; false when there was none. */
    boolean delete(GridObjectType type, String id);

    /** Objects of {@code type} matching every filter given, oldest created first. */
    List<GridObject> list(GridObjectType type, Filter filter);

    /** Optional filters of a list: program id, event id, name (see {@link GridObject}). */
    record Filter(Optional<String> programId, Optional<String> eventId, Optional<String> name) {

        public static final Filter ALL = new Filter(Optional.empty(), Optional.empty(), Optional.empty());
    }
}
