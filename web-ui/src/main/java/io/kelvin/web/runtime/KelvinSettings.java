package io.kelvin.web.runtime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Settings of the Kelvin application, under {@code kelvin.*}. Relative paths resolve against the
 * process's working directory: the repository root for the launcher, the module folder for tests.
 */
@ConfigMapping(prefix = "kelvin")
public interface KelvinSettings {

    /** The site YAML file to load. */
    @WithDefault("site-configs/sites/demo-aidc.yaml")
    Path site();

    /** Start the digital twin of the site in this process, so the collectors have devices to talk to. */
    @WithDefault("false")
    boolean simulate();

    /** Seed of the twin's random disturbances: the same seed gives the same run. */
    @WithName("simulate-seed")
    @WithDefault("42")
    long simulateSeed();

    /** Folder for everything Kelvin keeps on disk (rrd files, twin key pairs). */
    @WithName("data-dir")
    @WithDefault("var")
    Path dataDir();

    Store store();

    interface Store {

        /** Which telemetry store to use. */
        @WithDefault("rrd4j")
        StoreType type();

        Influx influx();
    }

    interface Influx {

        @WithDefault("http://127.0.0.1:8086")
        String url();

        @WithDefault("kelvin")
        String database();

        Optional<String> user();

        Optional<String> password();
    }

    /** Written in settings in lower case: {@code rrd4j}, {@code influxdb}. */
    enum StoreType {
        RRD4J,
        INFLUXDB
    }
}
