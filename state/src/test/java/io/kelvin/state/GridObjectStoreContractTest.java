package io.kelvin.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.dr.GridObject;
import io.kelvin.core.dr.GridObjectStore;
import io.kelvin.core.dr.GridObjectType;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * What the grid API's object store adapter must do on each database Kelvin supports (one subclass each).
 * Each test uses its own ids and names so the tests of one class can share a database.
 */
abstract class GridObjectStoreContractTest {

    private static final Instant T0 = Instant.parse("2026-07-01T08:00:00.250Z");

    abstract DataSource dataSource();

    private static GridObject program(String id, String name) {
        return new GridObject(GridObjectType.PROGRAM, id, Optional.of(name), Optional.empty(), Optional.empty(), T0, T0,
                "{\"id\":\"" + id + "\",\"programName\":\"" + name + "\"}");
    }

    private static GridObject report(String id, String programId, String eventId, String client, Instant created) {
        return new GridObject(GridObjectType.REPORT, id, Optional.of(client), Optional.of(programId), Optional.of(eventId),
                created, created, "{\"id\":\"" + id + "\"}");
    }

    @Test
    void anObjectIsKeptWholeReplacedAndDeleted() {
        GridObjectStore store = new JdbcGridObjectStore(dataSource());
        GridObject created = program("p-keep", "Keep-1");
        assertThat(store.insert(created)).isTrue();
        assertThat(store.find(GridObjectType.PROGRAM, "p-keep")).contains(created);
        assertThat(store.find(GridObjectType.EVENT, "p-keep")).as("ids are per type").isEmpty();

        GridObject changed = new GridObject(GridObjectType.PROGRAM, "p-keep", Optional.of("Keep-2"), Optional.empty(),
                Optional.empty(), T0, T0.plusSeconds(9), "{\"programName\":\"Keep-2\"}");
        assertThat(store.replace(changed)).isTrue();
        assertThat(store.find(GridObjectType.PROGRAM, "p-keep")).contains(changed);

        assertThat(store.delete(GridObjectType.PROGRAM, "p-keep")).isTrue();
        assertThat(store.find(GridObjectType.PROGRAM, "p-keep")).isEmpty();
        assertThat(store.delete(GridObjectType.PROGRAM, "p-keep")).isFalse();
        assertThat(store.replace(changed)).as("nothing to replace").isFalse();
    }

    @Test
    void aSecondProgramOfTheSameNameOrIdIsRefusedAndNothingChanges() {
        GridObjectStore store = new JdbcGridObjectStore(dataSource());
        assertThat(store.insert(program("p-uniq-1", "Unique"))).isTrue();
        assertThat(store.insert(program("p-uniq-2", "Unique"))).isFalse();
        assertThat(store.insert(program("p-uniq-1", "Other"))).isFalse();
        assertThat(store.insert(program("p-uniq-3", "Unique-3"))).isTrue();
        assertThat(store.replace(program("p-uniq-3", "Unique"))).as("renamed onto a taken name").isFalse();

        assertThat(store.find(GridObjectType.PROGRAM, "p-uniq-2")).isEmpty();
        assertThat(store.find(GridObjectType.PROGRAM, "p-uniq-3")).map(GridObject::name).contains(Optional.of("Unique-3"));
    }

    @Test
    void listsAreFilteredByProgramEventAndNameOldestFirst() {
        GridObjectStore store = new JdbcGridObjectStore(dataSource());
        store.insert(report("r-list-2", "p-list", "e-list-1", "kelvin", T0.plusSeconds(2)));
        store.insert(report("r-list-1", "p-list", "e-list-1", "kelvin", T0.plusSeconds(1)));
        store.insert(report("r-list-3", "p-list", "e-list-2", "other", T0.plusSeconds(3)));
        store.insert(report("r-list-4", "p-list-x", "e-list-3", "kelvin", T0.plusSeconds(4)));

        assertThat(store.list(GridObjectType.REPORT, new GridObjectStore.Filter(Optional.of("p-list"), Optional.empty(),
                Optional.empty()))).extracting(GridObject::id).containsExactly("r-list-1", "r-list-2", "r-list-3");
        assertThat(store.list(GridObjectType.REPORT, new GridObjectStore.Filter(Optional.of("p-list"),
                Optional.of("e-list-1"), Optional.empty()))).extracting(GridObject::id).containsExactly("r-list-1", "r-list-2");
        assertThat(store.list(GridObjectType.REPORT, new GridObjectStore.Filter(Optional.empty(), Optional.empty(),
                Optional.of("other")))).extracting(GridObject::id).containsExactly("r-list-3");
        assertThat(store.list(GridObjectType.REPORT, GridObjectStore.Filter.ALL)).extracting(GridObject::id)
                .contains("r-list-1", "r-list-4");
        assertThat(store.list(GridObjectType.SUBSCRIPTION, GridObjectStore.Filter.ALL)).isEmpty();
    }
}
