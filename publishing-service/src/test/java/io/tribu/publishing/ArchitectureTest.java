package io.tribu.publishing;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;

import java.time.Clock;

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

    private static final DescribedPredicate<JavaMethodCall> READ_THE_WALL_CLOCK = DescribedPredicate.describe(
            "read the wall clock", call -> {
                AccessTarget.MethodCallTarget target = call.getTarget();
                String owner = target.getOwner().getName();
                return owner.startsWith("java.time.") && target.getName().equals("now")
                        && target.getRawParameterTypes().stream().noneMatch(type -> type.isEquivalentTo(Clock.class))
                        || owner.equals(Clock.class.getName()) && target.getName().startsWith("system")
                        || owner.equals(System.class.getName()) && target.getName().equals("currentTimeMillis");
            });

    @ArchTest
    static final ArchRule nowComesFromTheInjectedClock = noClasses()
            .should().callMethodWhere(READ_THE_WALL_CLOCK)
            .because("rules compare with the one injected Clock, which tribu.clock.offset moves in tests; "
                    + "a wall-clock read would make them disagree");
}
