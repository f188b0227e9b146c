package io.kelvin.greenpower.dr.ven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The OpenADR 3.1 document as the validating proxy uses it. The 3.1.0 document (and 3.1.1) composes
 * the {@code ven} response from {@code objectMetadata}, whose objectType must be VEN, and
 * {@code BlVenRequest}, whose objectType must be BL_VEN_REQUEST, so no ven (nor, likewise, resource)
 * response can ever be valid. This copy drops exactly those two discriminator enums and nothing else;
 * every other rule, and every request rule, is the document's own. The mock test uses the document
 * unchanged.
 */
final class ProxySpec {

    static final Path ORIGINAL = Path.of("..", "specs", "openadr3", "3.1.0", "openadr3.yaml").toAbsolutePath().normalize();

    private ProxySpec() {
    }

    static Path write() {
        try {
            String text = Files.readString(ORIGINAL);
            String patched = once(once(text, "enum: [ BL_VEN_REQUEST ]"), "enum: [BL_RESOURCE_REQUEST]");
            Path target = Path.of("target", "test-specs", "openadr3-proxy.yaml").toAbsolutePath();
            Files.createDirectories(target.getParent());
            Files.writeString(target, patched);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String once(String text, String line) {
        int at = text.indexOf(line);
        if (at < 0 || text.indexOf(line, at + 1) >= 0) {
            throw new IllegalStateException("expected '" + line + "' exactly once in " + ORIGINAL);
        }
        return text.replace(line, "type: string");
    }
}
