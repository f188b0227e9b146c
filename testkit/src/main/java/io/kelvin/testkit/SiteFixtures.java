package io.kelvin.testkit;

import io.kelvin.core.site.Site;
import io.kelvin.core.site.load.SiteLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Site files for tests. The repo's {@code site-configs} folder is copied into a test's temp dir and
 * the site's device ports (OPC UA endpoint ports and Modbus {@code port:} values) are moved to free
 * loopback ports, so tests never clash with a running demo or with each other. Devices that shared a
 * port keep sharing one.
 */
public final class SiteFixtures {

    public static final String DEMO_SITE = "demo-aidc.yaml";

    private static final Pattern ENDPOINT_PORT = Pattern.compile("(opc\\.tcp://[^:/\"\\s]+:)(\\d+)");
    private static final Pattern MODBUS_PORT = Pattern.compile("(\\bport:\\s*)(\\d+)");

    private SiteFixtures() {
    }

    /** The demo site, copied into {@code dir} with free ports, loaded and validated. */
    public static Site demoSite(Path dir) {
        return SiteLoader.load(copyWithFreePorts(dir, DEMO_SITE));
    }

    /**
     * Copies the repo's site-configs folder to {@code dir/site-configs}, rewrites the ports of
     * {@code sites/SITE_FILE} to free loopback ports and returns the rewritten site file. The data files that site
     * files name as feeds ({@code file: ../data/...}) are copied beside it, so they resolve as in the repo.
     */
    public static Path copyWithFreePorts(Path dir, String siteFile) {
        Path target = dir.resolve("site-configs");
        copyTree(siteConfigs(), target);
        copyData(dir.resolve("data"));
        Path site = target.resolve("sites").resolve(siteFile);
        try {
            Files.writeString(site, withFreePorts(Files.readString(site)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite " + site, e);
        }
        return site;
    }

    /**
     * The repo's site-configs folder: the first directory, walking up from the working directory,
     * that holds {@code site-configs/profiles}.
     */
    public static Path siteConfigs() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("site-configs");
            if (Files.isDirectory(candidate.resolve("profiles"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no site-configs/profiles above " + Path.of("").toAbsolutePath());
    }

    /** Replaces every OPC UA endpoint port and Modbus port in a site file's text; equal ports stay equal. */
    static String withFreePorts(String yaml) {
        Map<Integer, Integer> ports = new LinkedHashMap<>();
        Set<Integer> taken = new HashSet<>();
        String rewritten = replacePorts(ENDPOINT_PORT, yaml, ports, taken);
        return replacePorts(MODBUS_PORT, rewritten, ports, taken);
    }

    private static String replacePorts(Pattern pattern, String text, Map<Integer, Integer> ports, Set<Integer> taken) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            int original = Integer.parseInt(matcher.group(2));
            int port = ports.computeIfAbsent(original, p -> uniqueFreePort(taken));
            matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(1) + port));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static int uniqueFreePort(Set<Integer> taken) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = FreePorts.loopback();
            if (taken.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no distinct free loopback port after 100 attempts");
    }

    private static final Pattern DATA_FILE = Pattern.compile("file:\\s*\"?\\.\\./data/([^\"\\s,}]+)");

    /** Copies the repo's data files that the site files name as feeds into {@code target} (the data folder's copy). */
    public static void copyData(Path target) {
        Path data = siteConfigs().resolveSibling("data");
        try (Stream<Path> sites = Files.list(siteConfigs().resolve("sites"))) {
            for (Path site : sites.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Matcher m = DATA_FILE.matcher(Files.readString(site));
                while (m.find()) {
                    Path to = target.resolve(m.group(1));
                    if (!Files.exists(to) && Files.isRegularFile(data.resolve(m.group(1)))) {
                        Files.createDirectories(to.getParent());
                        Files.copy(data.resolve(m.group(1)), to);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the data files the site files name", e);
        }
    }

    /** Copies the folder {@code source} with everything in it to {@code target} (e.g. a test's own site-configs). */
    public static void copyTree(Path source, Path target) {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path destination = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(path, destination);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source + " to " + target, e);
        }
    }
}
