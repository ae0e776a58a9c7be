package io.tribu.platform;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The platform is infrastructure: it never knows a service, its domain types or its events. */
class ArchitectureTest {

    // The testing library is on the test classpath (PlatformConfigTest) but is no part of what services run.
    private final JavaClasses platform = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/io/tribu/platform/testing/"))
            .importPackages("io.tribu.platform");

    @Test
    void thePlatformImportsNoService() {
        noClasses().should().dependOnClassesThat(resideInAPackage("io.tribu..").and(not(resideInAPackage("io.tribu.platform.."))))
                .because("the platform is infrastructure of every service and the console: no io.tribu.<service> type")
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
