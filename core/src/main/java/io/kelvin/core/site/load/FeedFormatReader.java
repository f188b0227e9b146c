package io.kelvin.core.site.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.kelvin.core.series.feeds.FeedFormat;
import io.kelvin.core.site.FeedKind;

/**
 * Reads a feed format the way site files write it ({@code format:} with its {@code csv:}, {@code value:} or
 * {@code sequence:} options), for other files that name series in the same shapes (scenario files). Only those keys
 * are read; the caller checks the rest of the mapping. Problems are reported as {@code file: path.field: reason}.
 */
public final class FeedFormatReader {

    private FeedFormatReader() {
    }

    /**
     * The format described by {@code mapping} (at {@code path} in {@code file}) for a series of {@code kind};
     * {@code name} names the series. Throws {@link SiteConfigException} listing every problem.
     */
    public static FeedFormat read(JsonNode mapping, String file, String path, FeedKind kind, String name) {
        Problems problems = new Problems();
        FeedFormat format = FeedsReader.format(new Node(mapping, file, path, problems), kind, name).orElse(null);
        problems.throwIfAny();
        if (format == null) {
            throw new SiteConfigException(java.util.List.of(new ConfigProblem(file, path, "has no usable format")));
        }
        return format;
    }
}
