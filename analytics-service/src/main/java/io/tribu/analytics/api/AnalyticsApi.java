package io.tribu.analytics.api;

/**
 * Names of the error answers every operation shares, defined once in the OpenAPI document (this package's
 * {@code package-info}); each resource refers to the ones its operations can give
 * ({@code @APIResponse(responseCode = "401", ref = AnalyticsApi.UNAUTHORIZED)}).
 */
public final class AnalyticsApi {

    public static final String PROBLEM = "application/problem+json";
    public static final String BAD_REQUEST = "BadRequest";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";
    public static final String NOT_FOUND = "NotFound";
    public static final String NOT_ACCEPTABLE = "NotAcceptable";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
    public static final String CONTENT_TOO_LARGE = "ContentTooLarge";
    public static final String UNAVAILABLE = "Unavailable";

    private AnalyticsApi() {
    }
}
