package io.tribu.publishing;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Layer rules of the style guide, checked on every build. */
@AnalyzeClasses(packages = "io.tribu.publishing", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule resourcesDoNotQueryTheDatabase = noClasses()
            .that().haveSimpleNameEndingWith("Resource")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.quarkus.hibernate.reactive.panache..", "org.hibernate..", "io.vertx.sqlclient..")
            .because("resources validate, call a service and map to a view; services own persistence");

    @ArchTest
    static final ArchRule entitiesKnowNoRestOrKafka = noClasses()
            .that().areAnnotatedWith(Entity.class)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "jakarta.ws.rs..", "org.apache.kafka..", "org.eclipse.microprofile.reactive.messaging..",
                    "io.smallrye.reactive.messaging..")
            .because("domain state does not depend on transport")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule networkRulesKnowNoTransport = noClasses()
            .that().resideInAPackage("io.tribu.publishing.network..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "jakarta.ws.rs..", "org.apache.kafka..", "org.eclipse.microprofile.reactive.messaging..",
                    "io.smallrye.reactive.messaging..", "io.quarkus.hibernate.reactive..", "jakarta.persistence..")
            .because("what each network accepts is domain knowledge, checked the same way from any caller");

    @ArchTest
    static final ArchRule resourcesDoNotTalkToKafka = noClasses()
            .that().haveSimpleNameEndingWith("Resource")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.apache.kafka..", "org.eclipse.microprofile.reactive.messaging..", "io.smallrye.reactive.messaging..")
            .because("events leave through the transactional outbox, never straight from a request");
}
