package io.tribu.platform.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArchitectureRulesTest {

    @Test
    void aServiceThatImportsAnotherFailsAndOneThatUsesThePlatformPasses() {
        JavaClasses alpha = new ClassFileImporter().importPackages("io.tribu.alpha");
        JavaClasses beta = new ClassFileImporter().importPackages("io.tribu.beta");

        AssertionError failure = assertThrows(AssertionError.class, () -> ArchitectureRules.servicesDoNotImportEachOther.check(alpha));
        assertTrue(failure.getMessage().contains("io.tribu.beta.Beta"), failure.getMessage());
        ArchitectureRules.servicesDoNotImportEachOther.check(beta);
    }

    @Test
    void theTestingLibraryImportsNoService() {
        ArchitectureRules.servicesDoNotImportEachOther.check(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.tribu.platform.testing"));
    }

    @Test
    void anEntityQueriedPastItsRepositoryFailsAndReadingItsFieldsPasses() {
        JavaClasses gamma = new ClassFileImporter().importPackages("io.tribu.gamma");
        var rule = ArchitectureRules.queriedOnlyThrough(io.tribu.gamma.Thing.class, io.tribu.gamma.ThingRepository.class);

        AssertionError failure = assertThrows(AssertionError.class, () -> rule.check(gamma));
        assertTrue(failure.getMessage().contains("StrayQuery.find"), failure.getMessage());
        assertTrue(!failure.getMessage().contains("ThingService"), failure.getMessage());
        rule.check(gamma.that(com.tngtech.archunit.base.DescribedPredicate.describe("not the stray",
                type -> !type.getSimpleName().equals("StrayQuery"))));
    }

    @Test
    void theServiceIsThePackagesThirdName() {
        assertEquals("listening", ArchitectureRules.service("io.tribu.listening.mention"));
        assertEquals("platform", ArchitectureRules.service("io.tribu.platform"));
        assertNull(ArchitectureRules.service("io.quarkus.runtime"));
    }
}
