package io.tribu.analytics;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.tribu.platform.testing.ArchitectureRules;
import io.tribu.platform.testing.TableOwners;

import java.nio.file.Path;

/** Layer rules of the style guide (the platform's, and analytics' own), checked on every build. */
@AnalyzeClasses(packages = "io.tribu.analytics", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests platformRules = ArchTests.in(ArchitectureRules.class);

    /**
     * Analytics' tables are projections of other services' events: each has one class that writes it (the owner
     * below); the reports that read a shared rollup in their own query are named with what they read it for.
     */
    @ArchTest
    static void oneWriterPerProjection(JavaClasses classes) {
        String migration = "V9__Tokenise_sampled_texts";
        String tokenised = "a Java migration tokenised the texts sampled before the term index existed";
        TableOwners.in(Path.of("src/main/java"))
                .table("mention_fact", "MentionLedger")
                .table("mention_volume", "MentionVolumeService")
                .alsoIn("CrisisAlerts", "the alert job lists the brands with recent volume")
                .alsoIn("AgencyOverviewService", "the agency overview reads the last hours of both rollups in one statement")
                .table("mention_breakdown", "MentionVolumeService")
                .alsoIn("SentimentService", "sentiment over time and by dimension")
                .alsoIn("CrisisService", "crisis detection reads the hourly negative share")
                .alsoIn("AgencyOverviewService", "the agency overview reads the last hours of both rollups in one statement")
                .table("mention_by_query", "SentimentService")
                .table("listening_query", "SentimentService")
                .table("mention_by_party", "ShareOfVoiceService")
                .table("mention_author", "AuthorService")
                .table("mention_text", "MentionTextSample")
                .alsoIn(migration, tokenised)
                .table("mention_term", "TermDayPacker")
                .alsoIn("MentionTextSample", "a sampled text's terms are counted in the statement that samples it")
                .alsoIn("DriversService", "the drivers read the term index")
                .alsoIn(migration, tokenised)
                .table("mention_term_day", "TermDayPacker")
                .alsoIn("MentionTextSample", "a sampled text's terms are counted in the statement that samples it")
                .alsoIn("DriversService", "the drivers read the term index")
                .table("mention_term_id", "TermDayPacker")
                .alsoIn("DriversService", "the drivers read the term index")
                .table("moderation_decision", "ModerationMeasures")
                .table("first_response", "ModerationMeasures")
                .table("post_engagement", "PostEngagementService")
                .table("raised_alert", "CrisisAlerts")
                .table("brand_name", "BrandNameService")
                .alsoIn("AgencyOverviewService", "the agency overview names each brand in its one query")
                .assertOwned();
    }
}
