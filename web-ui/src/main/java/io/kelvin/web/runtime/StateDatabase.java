package io.kelvin.web.runtime;

import io.agroal.api.AgroalDataSource;
import io.kelvin.state.KelvinDatabase;
import io.quarkus.agroal.runtime.AgroalDataSourceUtil;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.arc.InstanceHandle;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The state database of the running app: the one active datasource ({@code h2} by default,
 * {@code postgresql} when configured), migrated by the state module's Flyway migrations when first
 * used. Jobs, plans, users, clients and the audit trail all live here.
 */
@Singleton
public class StateDatabase {

    private static final Logger LOG = Logger.getLogger(StateDatabase.class);

    private final DataSource dataSource;

    /** Injecting every datasource with {@code @Any} also keeps Quarkus from removing them as unused. */
    StateDatabase(@Any InjectableInstance<AgroalDataSource> dataSources) {
        List<InstanceHandle<AgroalDataSource>> active = new ArrayList<>();
        for (InstanceHandle<AgroalDataSource> handle : dataSources.handles()) {
            if (handle.getBean().isActive()) {
                active.add(handle);
            }
        }
        List<String> names = active.stream().map(h -> AgroalDataSourceUtil.dataSourceName(h.getBean())).toList();
        if (active.size() != 1) {
            throw new IllegalStateException("Exactly one of the datasources 'h2' and 'postgresql' must be active"
                    + " (quarkus.datasource.<name>.active), active: " + names);
        }
        dataSource = active.get(0).get();
        int applied = KelvinDatabase.migrate(dataSource);
        LOG.infof("State is stored in the '%s' datasource (%d migrations applied now)", names.get(0), applied);
    }

    public DataSource dataSource() {
        return dataSource;
    }
}
