package io.kelvin.core.site.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The JSON schemas in site-configs/schema (for editors and external tools) agree with the shipped files. */
class SchemaTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private static JsonSchema schema(String name) throws IOException {
        return FACTORY.getSchema(Files.readString(SiteConfigsFolder.root().resolve("schema").resolve(name)));
    }

    private static List<Path> yaml(String folder) throws IOException {
        try (Stream<Path> files = Files.list(SiteConfigsFolder.root().resolve(folder))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void everySiteFileMatchesTheSiteSchema() throws IOException {
        JsonSchema schema = schema("site.schema.json");
        for (Path file : yaml("sites")) {
            Set<ValidationMessage> errors = schema.validate(YAML.readTree(file.toFile()));
            assertThat(errors).as(file.toString()).isEmpty();
        }
    }

    @Test
    void everyProfileMatchesTheProfileSchema() throws IOException {
        JsonSchema schema = schema("profile.schema.json");
        for (Path file : yaml("profiles")) {
            Set<ValidationMessage> errors = schema.validate(YAML.readTree(file.toFile()));
            assertThat(errors).as(file.toString()).isEmpty();
        }
    }

    @Test
    void siteSchemaRejectsAModbusDeviceWithAnOutOfRangeUnitId() throws IOException {
        JsonNode site = YAML.readTree(SiteConfigsFolder.root().resolve("sites/demo-aidc.yaml").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) site.get("devices").get(12)).put("unitId", 300);
        assertThat(schema("site.schema.json").validate(site)).extracting(ValidationMessage::getMessage)
                .anySatisfy(m -> assertThat(m).contains("unitId"));
    }

    @Test
    void profileSchemaAcceptsQuirksIntervalsStringsAndBitFieldsAndRejectsAnOversizedRequest() throws IOException {
        String profile = """
                profile: quirky
                deviceClass: meter
                protocol: modbus
                pollIntervals: { fast: 500ms, slow: 5m }
                modbus: { maxRegisters: 60, maxGap: 0, requestPause: 20ms, addressBase: 1, onePointPerRequest: false,
                          closeAfterPoll: true, timeout: 800ms }
                points:
                  - { name: serial, register: { type: holding, address: 1, dataType: string, length: 8 } }
                  - { name: status, unit: "1", register: { type: input, address: 10, bit: 4, bits: 4 },
                      range: { min: 0, max: 15 }, pollInterval: 2s }
                """;
        JsonSchema schema = schema("profile.schema.json");
        assertThat(schema.validate(YAML.readTree(profile))).isEmpty();
        assertThat(schema.validate(YAML.readTree(profile.replace("maxRegisters: 60", "maxRegisters: 126"))))
                .extracting(ValidationMessage::getMessage).anySatisfy(m -> assertThat(m).contains("maxRegisters"));
        assertThat(schema.validate(YAML.readTree(profile.replace("length: 8 ", ""))))
                .extracting(ValidationMessage::getMessage).anySatisfy(m -> assertThat(m).contains("length"));
    }
}
