package io.kelvin.greenpower.dr.grid;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code notification} schema of the repository's OpenADR 3.1 document ({@code specs/openadr3}, an OpenAPI
 * 3.0 document, read with that dialect): the body the spec's subscription callback carries, which every webhook
 * notification Kelvin sends must follow.
 *
 * <p>One change to the document, in a copy under {@code target/}: its two {@code discriminator}s (the notification's
 * {@code object}, a program's {@code payloadDescriptors} items) are dropped. They name {@code objectType} without a
 * mapping, so OpenAPI 3.0 maps each value to the schema of that name, but the values are upper case ({@code REPORT},
 * {@code EVENT_PAYLOAD_DESCRIPTOR}) and the schema names not ({@code report}, {@code eventPayloadDescriptor}): no
 * alternative can ever be chosen by them, and the validator refuses every notification. The {@code oneOf} and
 * {@code anyOf} stay, so the object must still be exactly one of program, report, event, subscription, ven or
 * resource. Every other rule is the document's own.
 */
final class NotificationSchema {

    static final Path DOCUMENT = Path.of("..", "specs", "openadr3", "3.1.0", "openadr3.yaml").toAbsolutePath().normalize();

    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
                    builder -> builder.metaSchema(OpenApi30.getInstance())
                            .defaultMetaSchemaIri(OpenApi30.getInstance().getIri()))
            .getSchema(SchemaLocation.of(write().toUri() + "#/components/schemas/notification"));

    private NotificationSchema() {
    }

    /** What in {@code json} breaks the schema, one line each; empty when it follows it. */
    static List<String> problems(String json) {
        return SCHEMA.validate(json, InputFormat.JSON).stream().map(ValidationMessage::getMessage).toList();
    }

    private static Path write() {
        try {
            String text = Files.readString(DOCUMENT);
            java.util.regex.Matcher discriminators = java.util.regex.Pattern
                    .compile("(?m)^( +)discriminator:\\n\\1  propertyName: objectType\\n").matcher(text);
            String patched = discriminators.replaceAll("");
            if (discriminators.reset().results().count() != 2) {
                throw new IllegalStateException("expected two discriminators on objectType in " + DOCUMENT);
            }
            Path target = Path.of("target", "test-specs", "openadr3-notification.yaml").toAbsolutePath();
            Files.createDirectories(target.getParent());
            Files.writeString(target, patched);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
