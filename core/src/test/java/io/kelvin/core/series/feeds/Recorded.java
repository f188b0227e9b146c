package io.kelvin.core.series.feeds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Recorded feed answers under src/test/resources/feeds, written from each API's documented examples. */
final class Recorded {

    private Recorded() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Recorded.class.getResourceAsStream("/feeds/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource feeds/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
