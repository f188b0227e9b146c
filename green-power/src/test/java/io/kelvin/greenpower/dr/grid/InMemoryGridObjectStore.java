package io.kelvin.greenpower.dr.grid;

import io.kelvin.core.dr.GridObject;
import io.kelvin.core.dr.GridObjectStore;
import io.kelvin.core.dr.GridObjectType;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link GridObjectStore} in memory, for tests (the app uses state's JdbcGridObjectStore). */
public final class InMemoryGridObjectStore implements GridObjectStore {

    private final Map<String, GridObject> objects = new LinkedHashMap<>();

    private static String key(GridObjectType type, String id) {
        return type + "/" + id;
    }

    private boolean nameTaken(GridObject o) {
        return o.type() == GridObjectType.PROGRAM && objects.values().stream().anyMatch(other ->
                other.type() == GridObjectType.PROGRAM && !other.id().equals(o.id()) && other.name().equals(o.name()));
    }

    @Override
    public synchronized boolean insert(GridObject o) {
        if (objects.containsKey(key(o.type(), o.id())) || nameTaken(o)) {
            return false;
        }
        objects.put(key(o.type(), o.id()), o);
        return true;
    }

    @Override
    public synchronized boolean replace(GridObject o) {
        if (!objects.containsKey(key(o.type(), o.id())) || nameTaken(o)) {
            return false;
        }
        objects.put(key(o.type(), o.id()), o);
        return true;
    }

    @Override
    public synchronized Optional<GridObject> find(GridObjectType type, String id) {
        return Optional.ofNullable(objects.get(key(type, id)));
    }

    @Override
    public synchronized boolean delete(GridObjectType type, String id) {
        return objects.remove(key(type, id)) != null;
    }

    @Override
    public synchronized List<GridObject> list(GridObjectType type, Filter f) {
        return objects.values().stream().filter(o -> o.type() == type)
                .filter(o -> f.programId().isEmpty() || f.programId().equals(o.programId()))
                .filter(o -> f.eventId().isEmpty() || f.eventId().equals(o.eventId()))
                .filter(o -> f.name().isEmpty() || f.name().equals(o.name()))
                .sorted(Comparator.comparing(GridObject::createdAt).thenComparing(GridObject::id)).toList();
    }
}
