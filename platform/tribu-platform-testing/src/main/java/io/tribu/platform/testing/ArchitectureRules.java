package io.tribu.platform.testing;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;

import java.time.Clock;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The style guide's layer rules, written once; a service checks them on its own classes:
 * <pre>
 * &#64;AnalyzeClasses(packages = "io.tribu.listening", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTest {
 *     &#64;ArchTest
 *     static final ArchTests platformRules = ArchTests.in(ArchitectureRules.class);
 * }
 * </pre>
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    @ArchTest
    public static final ArchRule resourcesDoNotQueryTheDatabase = noClasses()
            .that().haveSimpleNameEndingWith("Resource")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.quarkus.hibernate.reactive.panache..", "org.hibernate..", "io.vertx.sqlclient..")
            .because("resources validate, call a service and map to a view; services own persistence");

    @ArchTest
    public static final ArchRule entitiesKnowNoRestOrKafka = noClasses()
            .that().areAnnotatedWith(Entity.class)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "jakarta.ws.rs..", "org.apache.kafka..", "org.eclipse.microprofile.reactive.messaging..",
                    "io.smallrye.reactive.messaging..")
            .because("domain state does not depend on transport")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule resourcesDoNotTalkToKafka = noClasses()
            .that().haveSimpleNameEndingWith("Resource")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.apache.kafka..", "org.eclipse.microprofile.reactive.messaging..", "io.smallrye.reactive.messaging..")
            .because("events leave through the transactional outbox, never straight from a request");

    @ArchTest
    public static final ArchRule servicesDoNotImportEachOther = classes()
            .should(new ArchCondition<JavaClass>("depend on no other Tribu service") {
                @Override
                public void check(JavaClass owner, ConditionEvents events) {
                    String own = service(owner.getPackageName());
                    for (Dependency dependency : owner.getDirectDependenciesFromSelf()) {
                        String other = service(dependency.getTargetClass().getPackageName());
                        if (other != null && !other.equals(own) && !other.equals("platform")) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    }
                }
            })
            .because("each service deploys and evolves alone; what they share is the platform library");

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
    public static final ArchRule nowComesFromTheInjectedClock = noClasses()
            .should().callMethodWhere(READ_THE_WALL_CLOCK)
            .because("rules compare with the one injected Clock, which tribu.clock.offset moves in tests; "
                    + "a wall-clock read would make them disagree");

    /**
     * Only {@code repository} calls {@code entity}'s methods (Panache's {@code find}, {@code list}, {@code update},
     * {@code persist}...): the aggregate's queries go through its one repository. A service lists its aggregates:
     * <pre>
     * &#64;ArchTest
     * static final ArchRule posts = ArchitectureRules.queriedOnlyThrough(Post.class, PostRepository.class);
     * </pre>
     */
    public static ArchRule queriedOnlyThrough(Class<?> entity, Class<?> repository) {
        return noClasses().that().doNotBelongToAnyOf(entity, repository)
                .should().callMethodWhere(DescribedPredicate.describe("the target is " + entity.getSimpleName(),
                        call -> call.getTargetOwner().isEquivalentTo(entity)))
                .because(repository.getSimpleName() + " owns the SQL of " + entity.getSimpleName()
                        + " (one repository per aggregate)");
    }

    /** {@code listening} for {@code io.tribu.listening.mention}; null outside {@code io.tribu}. */
    static String service(String packageName) {
        if (!packageName.startsWith("io.tribu.")) {
            return null;
        }
        String rest = packageName.substring("io.tribu.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
