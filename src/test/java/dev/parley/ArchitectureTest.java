package dev.parley;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md section 1: dependencies point down the data path only. Each rule's {@code check} fails the test with
 * an AssertionError that lists every class breaking it.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.parley");
    }

    @Test
    void engineNeverImportsJavaFx() {
        noClasses().that().resideInAnyPackage("dev.parley.capture..", "dev.parley.decode..", "dev.parley.session..",
                        "dev.parley.diagram..", "dev.parley.export..", "dev.parley.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyLiveCaptureImportsPcap4j() {
        noClasses().that().resideOutsideOfPackage("dev.parley.capture.live..")
                .should().dependOnClassesThat().resideInAnyPackage("org.pcap4j..")
                .check(classes);
    }

    @Test
    void decodeNeverImportsSessionOrAbove() {
        noClasses().that().resideInAnyPackage("dev.parley.decode..", "dev.parley.capture..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.parley.session..", "dev.parley.diagram..",
                        "dev.parley.view..", "dev.parley.export..", "dev.parley.cli..", "dev.parley.app..")
                .check(classes);
    }

    @Test
    void sessionNeverImportsViewsOrCli() {
        noClasses().that().resideInAnyPackage("dev.parley.session..", "dev.parley.diagram..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.parley.view..", "dev.parley.cli..",
                        "dev.parley.app..", "dev.parley.export..")
                .check(classes);
    }
}
