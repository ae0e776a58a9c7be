package io.tribu.publishing;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.tribu.platform.testing.ArchitectureRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Layer rules of the style guide (the platform's, and publishing's own), checked on every build. */
@AnalyzeClasses(packages = "io.tribu.publishing", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests platformRules = ArchTests.in(ArchitectureRules.class);

    @ArchTest
    static final ArchRule networkRulesKnowNoTransport = noClasses()
            .that().resideInAPackage("io.tribu.publishing.network..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "jakarta.ws.rs..", "org.apache.kafka..", "org.eclipse.microprofile.reactive.messaging..",
                    "io.smallrye.reactive.messaging..", "io.quarkus.hibernate.reactive..", "jakarta.persistence..")
            .because("what each network accepts is domain knowledge, checked the same way from any caller");
}
