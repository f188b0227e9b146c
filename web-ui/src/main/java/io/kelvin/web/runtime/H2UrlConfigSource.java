package io.kelvin.web.runtime;

import io.kelvin.state.KelvinDatabase;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies the default JDBC URL of the H2 datasource: {@code kelvin-db} under
 * {@code kelvin.data-dir}, made absolute because H2 refuses paths implicitly relative to the working
 * directory, with {@code AUTO_SERVER=TRUE} so the command line ({@code ./kelvin user ...}) can open it
 * while the app runs (the app serves it to them on a loopback port). An explicit {@code quarkus.datasource.h2.jdbc.url} wins (this source has a low ordinal).
 */
public class H2UrlConfigSource implements ConfigSourceFactory {

    static final String URL_PROPERTY = "quarkus.datasource.h2.jdbc.url";
    private static final int ORDINAL = 50;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue dataDir = context.getValue("kelvin.data-dir");
        String dir = dataDir == null || dataDir.getValue() == null ? "var" : dataDir.getValue();
        String url = KelvinDatabase.h2Url(Path.of(dir));
        return List.of(new PropertiesConfigSource(Map.of(URL_PROPERTY, url), "kelvin-h2-url", ORDINAL));
    }
}
