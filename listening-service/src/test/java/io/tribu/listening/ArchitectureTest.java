package io.tribu.listening;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.tribu.listening.mention.Mention;
import io.tribu.listening.mention.MentionRepository;
import io.tribu.platform.testing.ArchitectureRules;
import io.tribu.platform.testing.TableOwners;

import java.nio.file.Path;

/** Layer rules of the style guide (the platform's, and listening's own), checked on every build. */
@AnalyzeClasses(packages = "io.tribu.listening", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests platformRules = ArchTests.in(ArchitectureRules.class);

    @ArchTest
    static final ArchRule mentionsThroughTheirRepository =
            ArchitectureRules.queriedOnlyThrough(Mention.class, MentionRepository.class);

    /** The SQL of the mention aggregate, and the statement that reaches into it on purpose. */
    @ArchTest
    static void oneRepositoryPerAggregate(JavaClasses classes) {
        TableOwners.in(Path.of("src/main/java"))
                .table("mention", "MentionRepository")
                .alsoIn("AlertService", "the negative-spike rule counts the brand's negative mentions of the window and of "
                        + "its baseline weeks in one read")
                .assertOwned();
    }
}
