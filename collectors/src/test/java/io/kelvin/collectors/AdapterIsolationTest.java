package io.kelvin.collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each outside library is imported only in its adapter package. */
class AdapterIsolationTest {

    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.kelvin.collectors");
    }

    @Test
    void miloIsUsedOnlyInTheOpcUaAdapter() {
        noClasses().that().resideOutsideOfPackage("io.kelvin.collectors.opcua..")
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.milo..")
                .check(production);
    }

    @Test
    void j2modIsUsedOnlyInTheModbusAdapter() {
        noClasses().that().resideOutsideOfPackage("io.kelvin.collectors.modbus..")
                .should().dependOnClassesThat().resideInAPackage("com.ghgande.j2mod..")
                .check(production);
    }

    @Test
    void rrd4jIsUsedOnlyInItsStoreAdapter() {
        noClasses().that().resideOutsideOfPackage("io.kelvin.collectors.store.rrd4j..")
                .should().dependOnClassesThat().resideInAPackage("org.rrd4j..")
                .check(production);
    }

    @Test
    void influxdbJavaIsUsedOnlyInItsStoreAdapter() {
        noClasses().that().resideOutsideOfPackage("io.kelvin.collectors.store.influxdb..")
                .should().dependOnClassesThat().resideInAPackage("org.influxdb..")
                .check(production);
    }

    @Test
    void theTwoProtocolAdaptersDoNotKnowEachOther() {
        noClasses().that().resideInAPackage("io.kelvin.collectors.modbus..")
                .should().dependOnClassesThat().resideInAPackage("io.kelvin.collectors.opcua..")
                .check(production);
        noClasses().that().resideInAPackage("io.kelvin.collectors.opcua..")
                .should().dependOnClassesThat().resideInAPackage("io.kelvin.collectors.modbus..")
                .check(production);
    }

    @Test
    void nothingWritesToStandardStreams() {
        NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(production);
    }
}
