package io.tribu.platform;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The platform is infrastructure: it never knows a service, its domain types or its events. */
class ArchitectureTest {

    private final JavaClasses platform = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.tribu.platform");

    @Test
    void thePlatformImportsNoService() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                "io.tribu.listening..", "io.tribu.moderation..", "io.tribu.publishing..", "io.tribu.analytics..")
                .check(platform);
    }

    @Test
    void thePlatformReadsNoWallClockButThroughTheClockBean() {
        noClasses().that().doNotHaveSimpleName("ClockProducer")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .check(platform);
    }
}
