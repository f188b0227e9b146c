package io.kelvin.core.site.load;

/**
 * One thing wrong with a configuration file: the file (relative to the site-configs folder), the
 * field path inside it ({@code devices[3].unitId}) and what is wrong ({@code must be 1..247}).
 */
public record ConfigProblem(String file, String path, String reason) {

    @Override
    public String toString() {
        return path.isEmpty() ? file + ": " + reason : file + ": " + path + ": " + reason;
    }
}
