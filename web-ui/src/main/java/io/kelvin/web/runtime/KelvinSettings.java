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

    Planning planning();

    /** Which device events become alarms and how far operators may shelve them (core AlarmPolicy). */
    Alarms alarms();

    /** Logins, tokens, allowed hosts, demo accounts, OIDC roles. */
    SecuritySettings security();

    /** Alarm policy: see {@link io.kelvin.core.alarm.AlarmPolicy}. */
    interface Alarms {

        /** Conditions below this severity (1..1000, OPC UA) are not listed as new alarms. */
        @WithName("severity-floor")
        @WithDefault("1")
        int severityFloor();

        /** The longest timed shelving an operator may ask for. */
        @WithName("max-shelve-time")
        @WithDefault("24h")
        java.time.Duration maxShelveTime();

        /** The longest operator comment (acknowledge, shelve, unshelve), in characters. */
        @WithName("max-comment-length")
        @WithDefault("1000")
        int maxCommentLength();

        default io.kelvin.core.alarm.AlarmPolicy policy() {
            return new io.kelvin.core.alarm.AlarmPolicy(severityFloor(), maxShelveTime(), maxCommentLength());
        }
    }

    /** Job planning (io.kelvin.energyoptimizer.app.PlanningSettings, SiteForecast). */
    interface Planning {

        /** Horizon length in quarter-hour slots (96 = 24 h). */
        @WithName("horizon-slots")
        @WithDefault("96")
        int horizonSlots();

        /** Time-of-use import price, EUR/kWh, by local hour 0..23: off-peak, shoulder, solar midday, evening peak. */
        @WithName("tariff-eur-per-kwh")
        @WithDefault("0.14,0.14,0.14,0.14,0.14,0.14,0.14,0.20,0.20,0.20,0.10,0.10,0.10,0.10,0.10,0.10,"
                + "0.35,0.35,0.35,0.35,0.35,0.20,0.20,0.20")
        java.util.List<Double> tariffEurPerKwh();

        /** Grid carbon intensity, gCO2/kWh, flat over the horizon. */
        @WithName("carbon-g-per-kwh")
        @WithDefault("550")
        double carbonGPerKwh();

        /** Ambient temperature for the cooling model, C, flat over the horizon. */
        @WithName("ambient-c")
        @WithDefault("20")
        double ambientC();

        /** Time limit of one MILP solve (CBC); the heuristic plan is used when no solution comes in time. */
        @WithName("solver-time-limit")
        @WithDefault("5s")
        java.time.Duration solverTimeLimit();

        /** How many slots past its deadline a job may still be placed. */
        @WithName("max-late-slots")
        @WithDefault("16")
        int maxLateSlots();

        /**
         * How far back the urgent jobs submitted are looked at to keep room in plans for more like them
         * (io.kelvin.energyoptimizer.replan.UrgentArrivals); 0s keeps no room.
         */
        @WithName("urgent-arrival-window")
        @WithDefault("24h")
        java.time.Duration urgentArrivalWindow();

        /**
         * The DR cap guard (io.kelvin.energyoptimizer.app.CapGuard) pauses preemptible jobs when the grid meter
         * reads above a cap less this share of it.
         */
        @WithName("dr-guard-margin")
        @WithDefault("0.05")
        double drGuardMargin();

        /** A job submitted with at most this much time to spare (deadline - start - duration) is urgent. */
        @WithName("urgent-slack")
        @WithDefault("2h")
        java.time.Duration urgentSlack();

        /** Re-plan interval (also re-planned on every submitted job). */
        @WithName("replan-every")
        @WithDefault("15m")
        String replanEvery();
    }

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
