package io.tribu.console.forward;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.console.FakeServices;
import io.tribu.console.SignIn;
import io.tribu.platform.testing.TracingProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With tracing on, a forwarded call carries the trace of the page's call to the service, which continues it. */
@QuarkusTest
@TestProfile(TracingProfile.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(FakeServices.class)
class ForwardTraceTest {

    @OidcWireMock
    WireMockServer provider;

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theServiceIsCalledWithinThePagesCallsTrace() {
        var cookies = SignIn.as(provider, "camille", "community-manager", "soleil", List.of("cafe-lumiere"));
        given().cookies(cookies).get("/api/moderation/brands/cafe-lumiere/inbox").then().statusCode(200);

        String traceparent = FakeServices.LAST.get().traceparent();
        assertNotNull(traceparent, "the forwarded call carries a traceparent");
        String traceId = traceparent.split("-")[1];
        String parentSpanId = traceparent.split("-")[2];
        SpanData server = await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(traceId) && span.getKind() == SpanKind.SERVER).findFirst(),
                found -> found.isPresent()).orElseThrow();
        SpanData client = await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(span -> span.getSpanId().equals(parentSpanId)).findFirst(), found -> found.isPresent()).orElseThrow();
        assertEquals(SpanKind.CLIENT, client.getKind(), "the service's parent is the console's call to it");
        assertEquals(traceId, server.getTraceId());
    }
}
