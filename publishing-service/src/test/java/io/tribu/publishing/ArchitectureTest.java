package io.tribu.publishing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.tribu.platform.testing.ArchitectureRules;
import io.tribu.platform.testing.TableOwners;
import io.tribu.publishing.delivery.Delivery;
import io.tribu.publishing.delivery.DeliveryRepository;
import io.tribu.publishing.post.Post;
import io.tribu.publishing.post.PostRepository;

import java.nio.file.Path;

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

    @ArchTest
    static final ArchRule postsThroughTheirRepository = ArchitectureRules.queriedOnlyThrough(Post.class, PostRepository.class);

    @ArchTest
    static final ArchRule deliveriesThroughTheirRepository =
            ArchitectureRules.queriedOnlyThrough(Delivery.class, DeliveryRepository.class);

    /** The SQL of the post and delivery aggregates, and the few statements that reach across them on purpose. */
    @ArchTest
    static void oneRepositoryPerAggregate(JavaClasses classes) {
        TableOwners.in(Path.of("src/main/java"))
                .table("post", "PostRepository")
                .alsoIn("DeliveryRepository", "the lease statement locks the posts it leases and moves them to publishing; "
                        + "engagement collection reads their tags in the statement that takes the deliveries")
                .alsoIn("PostsSummaries", "the agency overview counts awaiting posts and failed deliveries in one read")
                .table("post_variant", "PostRepository")
                .table("post_history", "PostHistory")
                .table("delivery", "DeliveryRepository")
                .alsoIn("PostRepository", "settling a post reads its deliveries' states in the same statement")
                .alsoIn("PostsSummaries", "the agency overview counts awaiting posts and failed deliveries in one read")
                .alsoIn("ChannelHealth", "a channel's state reads its latest delivery outcomes")
                .assertOwned();
    }
}
