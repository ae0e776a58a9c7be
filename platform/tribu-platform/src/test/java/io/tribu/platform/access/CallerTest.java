package io.tribu.platform.access;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.json.Json;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CallerTest {

    @Test
    void readsTenantBrandsAndRolesFromTheToken() {
        Caller caller = caller(Map.of("tenant", "soleil",
                "brands", List.of(Json.createValue("cafe-lumiere"), Json.createValue("velo-vert"))));

        assertEquals("soleil", caller.tenant());
        assertEquals(Set.of("cafe-lumiere", "velo-vert"), caller.brands());
        assertEquals("camille", caller.userName());
        assertEquals(Set.of(Roles.COMMUNITY_MANAGER), caller.roles());
        assertEquals("cafe-lumiere", caller.requireBrand("cafe-lumiere"));
    }

    @Test
    void aBrandOutsideTheTokenAnswers404LikeAMissingOne() {
        Caller caller = caller(Map.of("tenant", "soleil", "brands", "cafe-lumiere"));

        HttpProblem problem = assertThrows(HttpProblem.class, () -> caller.requireBrand("biscuits-nord"));

        assertEquals(404, problem.getStatusCode());
        assertEquals("https://tribu.io/problems/not-found", problem.getType().toString());
        assertEquals("Brand biscuits-nord not found", problem.getDetail());
    }

    @Test
    void aTokenWithoutTenantIsForbidden() {
        Caller caller = caller(Map.of("brands", List.of("cafe-lumiere")));

        HttpProblem problem = assertThrows(HttpProblem.class, () -> caller.requireBrand("cafe-lumiere"));

        assertEquals(403, problem.getStatusCode());
        assertEquals(Set.of(), caller(Map.of("tenant", "soleil")).brands());
    }

    private static Caller caller(Map<String, Object> claims) {
        JsonWebToken token = new JsonWebToken() {
            @Override
            public String getName() {
                return "camille";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) claims.get(claimName);
            }
        };
        return new Caller(token, QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("camille"))
                .addRole(Roles.COMMUNITY_MANAGER)
                .build());
    }
}
