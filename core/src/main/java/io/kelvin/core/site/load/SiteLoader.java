package io.kelvin.core.site.load;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kelvin.core.site.DeviceProfile;
import io.kelvin.core.site.Site;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Loads and validates a site file and the device profiles it names. The site-configs folder is the
 * parent of the {@code sites/} folder holding the site file; profiles are read from its
 * {@code profiles/} folder. Every problem in every file is reported at once, as
 * {@code sites/demo.yaml: devices[3].unitId: must be 1..247, was 300}.
 */
public final class SiteLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Path configRoot;
    private final Map<String, Optional<DeviceProfile>> profiles = new HashMap<>();
    private final Problems problems = new Problems();

    private SiteLoader(Path configRoot) {
        this.configRoot = configRoot;
    }

    /** Loads the site, or throws {@link SiteConfigException} listing every problem found. */
    public static Site load(Path siteFile) {
        Path absolute = siteFile.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        Path root = parent.getFileName() != null && parent.getFileName().toString().equals("sites")
                ? parent.getParent() : parent;
        return new SiteLoader(root).loadSite(absolute);
    }

    /** Loads one profile by id from {@code CONFIG_ROOT/profiles/ID.yaml}. */
    public static DeviceProfile loadProfile(Path configRoot, String profileId) {
        SiteLoader loader = new SiteLoader(configRoot.toAbsolutePath().normalize());
        Optional<DeviceProfile> profile = loader.profile(profileId, "profile", "");
        loader.problems.throwIfAny();
        return profile.orElseThrow();
    }

    private Site loadSite(Path siteFile) {
        String name = relative(siteFile);
        Optional<JsonNode> json = parse(siteFile, name);
        problems.throwIfAny();
        Site site = new SiteReader(this::profile, name, configRoot, problems)
                .read(new Node(json.orElseThrow(), name, "", problems));
        problems.throwIfAny();
        return site;
    }

    /** Resolves a profile id once per load; a missing or bad profile is reported where it is named. */
    Optional<DeviceProfile> profile(String id, String referringFile, String referringPath) {
        if (profiles.containsKey(id)) {
            return profiles.get(id);
        }
        Path file = configRoot.resolve("profiles").resolve(id + ".yaml");
        Optional<DeviceProfile> result = Optional.empty();
        if (!Files.isRegularFile(file)) {
            problems.add(referringFile, referringPath, "unknown profile '" + id + "' (no file " + relative(file) + ")");
        } else {
            String name = relative(file);
            int before = problems.size();
            result = parse(file, name).map(json -> ProfileReader.read(new Node(json, name, "", problems), id));
            if (problems.size() > before) {
                result = Optional.empty();
            }
        }
        profiles.put(id, result);
        return result;
    }

    private Optional<JsonNode> parse(Path file, String name) {
        try {
            JsonNode json = YAML.readTree(file.toFile());
            if (json == null || !json.isObject()) {
                problems.add(name, "", "must be a YAML mapping");
                return Optional.empty();
            }
            return Optional.of(json);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            problems.add(name, "", "unreadable YAML" + where + ": " + e.getOriginalMessage());
        } catch (NoSuchFileException e) {
            problems.add(name, "", "file not found");
        } catch (IOException e) {
            problems.add(name, "", "cannot be read: " + e.getMessage());
        }
        return Optional.empty();
    }

    private String relative(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(configRoot) ? configRoot.relativize(absolute).toString() : absolute.toString();
    }

    /** Profiles are looked up by id; the lookup records problems against the referring file and path. */
    @FunctionalInterface
    interface ProfileLookup {
        Optional<DeviceProfile> find(String id, String referringFile, String referringPath);
    }
}
