package io.kelvin.energyoptimizer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** OR-Tools is imported only in the adapter package; the model and checker stay plain Java. */
@AnalyzeClasses(packages = "io.kelvin.energyoptimizer", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule orToolsOnlyInItsAdapter = noClasses().that()
            .resideOutsideOfPackage("io.kelvin.energyoptimizer.ortools..")
            .and().resideOutsideOfPackage("io.kelvin.energyoptimizer.scenario..")
            .and().resideOutsideOfPackage("io.kelvin.energyoptimizer.bench..")
            .should().dependOnClassesThat().resideInAPackage("com.google.ortools..");

    @ArchTest
    static final ArchRule nothingImportsOrToolsOutsideTheAdapterAtAll = noClasses().that()
            .resideOutsideOfPackage("io.kelvin.energyoptimizer.ortools..")
            .should().dependOnClassesThat().resideInAPackage("com.google.ortools..");

    @ArchTest
    static final ArchRule checkerSharesNoCodeWithTheModel = noClasses().that()
            .resideInAPackage("io.kelvin.energyoptimizer.check..")
            .should().dependOnClassesThat().resideInAnyPackage("io.kelvin.energyoptimizer.milp..",
                    "io.kelvin.energyoptimizer.solve..", "io.kelvin.energyoptimizer.baseline..",
                    "io.kelvin.energyoptimizer.ortools..")
            .orShould().dependOnClassesThat().haveSimpleName("PowerFlow")
            .orShould().dependOnClassesThat().haveSimpleName("Schedules")
            .orShould().dependOnClassesThat().haveSimpleName("PlanAssembler");
}
