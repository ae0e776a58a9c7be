package io.tribu.clients;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's page is type-checked against snapshots of the services' documents (console/web/openapi/, turned
 * into TypeScript by its build), so that it builds without the four services; this keeps each snapshot equal to the
 * document its service's build just wrote. A changed API fails here until its snapshot is refreshed, and then the
 * console's type-check says which of the page's calls no longer fit.
 */
class ConsoleSnapshotTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @ParameterizedTest
    @ValueSource(strings = {"listening", "moderation", "publishing", "analytics"})
    void theConsolesSnapshotIsTheServicesCurrentDocument(String service) throws IOException {
        Path document = ROOT.resolve(service + "-service/target/openapi/openapi.json");
        Path snapshot = ROOT.resolve("console/web/openapi/" + service + ".json");
        assertTrue(Files.exists(document), document + " is written by the service's build, which runs before this module");
        assertEquals(JSON.readTree(document.toFile()), JSON.readTree(snapshot.toFile()),
                () -> "console/web/openapi/" + service + ".json is not " + service + "'s current OpenAPI document; refresh it with\n"
                        + "  cp " + service + "-service/target/openapi/openapi.json console/web/openapi/" + service + ".json\n"
                        + "and build the console (its type-check shows which of the page's calls no longer fit)");
    }
}
