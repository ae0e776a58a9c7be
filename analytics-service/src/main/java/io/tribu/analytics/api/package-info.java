/** The OpenAPI document's shared parts: the error answers (RFC 9457 problems) every operation refers to. */
@OpenAPIDefinition(info = @Info(title = "Tribu analytics API", version = "1.0"), components = @Components(responses = {
        @APIResponse(name = AnalyticsApi.BAD_REQUEST, responseCode = "400",
                description = "A parameter or the body is refused; `violations[]` names each one (`field`, `in`, `message`)",
                content = @Content(mediaType = AnalyticsApi.PROBLEM, schema = @Schema(implementation = ProblemDocument.class))),
        @APIResponse(name = AnalyticsApi.UNAUTHORIZED, responseCode = "401",
                description = "No bearer token, or an invalid, expired or other-audience one",
                headers = @Header(name = "WWW-Authenticate", schema = @Schema(type = SchemaType.STRING)),
                content = @Content(mediaType = AnalyticsApi.PROBLEM, schema = @Schema(implementation = ProblemDocument.class))),
        @APIResponse(name = AnalyticsApi.FORBIDDEN, responseCode = "403",
                description = "The token's roles do not allow the operation, or it carries no tenant",
                content = @Content(mediaType = AnalyticsApi.PROBLEM, schema = @Schema(implementation = ProblemDocument.class))),
        @APIResponse(name = AnalyticsApi.NOT_FOUND, responseCode = "404",
                description = "The brand is not in the token (missing and other agencies' brands answer alike)",
                content = @Content(mediaType = AnalyticsApi.PROBLEM, schema = @Schema(implementation = ProblemDocument.class))),
        @APIResponse(name = AnalyticsApi.NOT_ACCEPTABLE, responseCode = "406",
                description = "The Accept header asks for a media type the operation does not answer",
                content = @Content(mediaType = AnalyticsApi.PROBLEM, schema = @Schema(implementation = ProblemDocument.class))),
        @APIResponse(name = AnalyticsApi.UNSUPPORTED_MEDIA_TYPE, responseCode = "415",
                description = "The body is not `application/json`",
                content = @Content(mediaType = AnalyticsApi.PROBLEM, schema = @Schema(implementation = ProblemDocument.class))),
        @APIResponse(name = AnalyticsApi.CONTENT_TOO_LARGE, responseCode = "413",
                description = "The body is larger than the service accepts",
                content = @Content(mediaType = AnalyticsApi.PROBLEM, schema = @Schema(implementation = ProblemDocument.class))),
        @APIResponse(name = AnalyticsApi.UNAVAILABLE, responseCode = "503",
                description = "The database cannot be reached; nothing was changed, try again after `Retry-After` seconds",
                headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
                content = @Content(mediaType = AnalyticsApi.PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))}))
package io.tribu.analytics.api;

import io.tribu.analytics.problem.ProblemDocument;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
