package io.tribu.moderation;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.tribu.moderation.inbox.InboxItem;
import io.tribu.moderation.inbox.InboxItemRepository;
import io.tribu.platform.testing.ArchitectureRules;
import io.tribu.platform.testing.TableOwners;

import java.nio.file.Path;

/** Layer rules of the style guide (the platform's, and moderation's own), checked on every build. */
@AnalyzeClasses(packages = "io.tribu.moderation", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests platformRules = ArchTests.in(ArchitectureRules.class);

    @ArchTest
    static final ArchRule itemsThroughTheirRepository =
            ArchitectureRules.queriedOnlyThrough(InboxItem.class, InboxItemRepository.class);

    /** The SQL of each aggregate, and the statements that reach across them on purpose. */
    @ArchTest
    static void oneRepositoryPerAggregate(JavaClasses classes) {
        TableOwners.in(Path.of("src/main/java"))
                .table("inbox_item", "InboxItemRepository")
                .alsoIn("AuditService", "the audit trail joins each decision with its item in one read")
                .alsoIn("LinkRequests", "a link request is inserted from its item's row in one statement")
                .table("decision", "DecisionLog")
                .alsoIn("AuditService", "the audit trail joins each decision with its item in one read")
                .alsoIn("ItemHistory", "an item's timeline lists its decisions among its changes in one ordered read")
                .table("charter_revision", "CharterBook")
                .table("link_request", "LinkRequests")
                .table("network_action", "NetworkActions")
                .alsoIn("AuditService", "the audit trail joins each decision with the network action it asked for")
                .alsoIn("ItemHistory", "an item's history lists its network actions among its changes")
                .table("saved_reply", "SavedReplyService")
                .alsoIn("InboxIntake", "the charter's automatic replies read their saved replies' texts in the intake batch")
                .table("brand_sla", "BrandSlaService")
                .alsoIn("InboxItemRepository", "the intake's insert dates each item's SLA from its brand's policy in the same "
                        + "statement")
                .table("agency_person", "People")
                .assertOwned();
    }
}
