package io.tribu.console.web;

import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** RFC 9457 problem+json answers of the console itself (the services' own problems pass through as they are). */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static Response response(int status, String type, String title, String detail, String service) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (service != null) {
            body.put("service", service);
        }
        return Response.status(status).type(MEDIA_TYPE).entity(body).build();
    }
}
