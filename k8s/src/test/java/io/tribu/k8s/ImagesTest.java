package io.tribu.k8s;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chart points to the images the build produces: the Quarkus container-image build names an
 * image after quarkus.application.name and tags it with the project version (JVM) or the project
 * version plus -native (the native profile), under registry ghcr.io and group tribu.
 */
class ImagesTest {

    @Test
    void theDefaultTagIsTheProjectVersion() {
        String pom = Repo.read(Repo.ROOT.resolve("pom.xml"));
        Matcher version = Pattern.compile("<artifactId>tribu-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertTrue(version.find(), "no version in the root pom");
        Map<String, Object> chart = ChartRender.parse(Repo.read(Repo.CHART.resolve("Chart.yaml"))).get(0).body();
        assertEquals(version.group(1), chart.get("appVersion"), "Chart.yaml appVersion must be the Maven project version");
    }

    @Test
    void eachImageIsNamedAfterItsApplication() {
        List<Manifest> render = ChartRender.defaults();
        String tag = (String) ChartRender.parse(Repo.read(Repo.CHART.resolve("Chart.yaml"))).get(0).body().get("appVersion");
        ServiceSettings.all().forEach((service, settings) -> {
            assertEquals("ghcr.io/tribu/" + settings.application() + ":" + tag,
                    Manifest.at(ChartTest.deployment(render, service).containers().get(0), "image"), service);
        });
    }

    @Test
    void nativeImagesCarryTheNativeSuffix() {
        for (Manifest deployment : ChartTest.deployments(ChartRender.production())) {
            String image = (String) deployment.containers().get(0).get("image");
            assertTrue(image.endsWith(":0.1.0-native"), deployment.id() + ": " + image);
        }
        List<Manifest> nativeSnapshot = ChartRender.render(List.of(), Map.of("image.variant", "native", "services.analytics.image.tag", "1.2.3"));
        assertEquals("ghcr.io/tribu/analytics-service:1.2.3-native",
                ChartTest.deployment(nativeSnapshot, "analytics").containers().get(0).get("image"));
    }
}
