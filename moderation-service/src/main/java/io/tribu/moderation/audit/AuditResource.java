package io.tribu.moderation.audit;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.access.Caller;
import io.tribu.platform.access.Roles;
import io.tribu.moderation.problem.QueryValues;
import io.tribu.platform.problem.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

@Path("/brands/{brandId}/audit")
@Authenticated
@Tag(name = "Audit", description = "Every decision with who or which rule took it, and statements of reasons (DSA article 17)")
@SecurityRequirement(name = "oidc")
public class AuditResource {

    private static final Duration LONGEST = Duration.ofDays(366);

    private final Caller caller;
    private final AuditService audit;
    private final Clock clock;

    public AuditResource(Caller caller, AuditService audit, Clock clock) {
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @Operation(summary = "Every decision on the brand's inbox in a period (human and automatic)",
            description = "from/to: ISO-8601 instants, default the last 30 days, at most 366 days. format=csv for a "
                    + "spreadsheet. Each entry says who or which rule (and charter version), what, why, the evidence "
                    + "(classifier scores), the status before and after, and the network outcome.")
    @APIResponse(responseCode = "200", description = "The decisions, oldest first (format=csv: a spreadsheet)", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = AuditEntry.class)),
            @Content(mediaType = "text/csv")})
    public Uni<Response> decisions(@PathParam("brandId") String brandId,
                                   @Parameter(description = "Decided at or after (ISO-8601; default 30 days before to)",
                                           schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("from") String from,
                                   @Parameter(description = "Decided before (ISO-8601; default now)",
                                           schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("to") String to,
                                   @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "csv"}, defaultValue = "json"))
                                   @QueryParam("format") @DefaultValue("json") String format) {
        String brand = caller.requireBrand(brandId);
        Instant[] period = period(from, to);
        boolean csv = csv(format);
        return audit.decisions(caller.tenant(), brand, period[0], period[1], false)
                .map(entries -> csv ? csvResponse(decisionsCsv(entries), brand + "-audit.csv")
                        : Response.ok(entries, MediaType.APPLICATION_JSON).build());
    }

    @GET
    @Path("/statements-of-reasons")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @Operation(summary = "A statement of reasons for each removal or restriction (EU Digital Services Act, art. 17)",
            description = "One per hide (visibility restriction) or delete (removal) decided in the period.")
    @APIResponse(responseCode = "200", description = "The statements, oldest first (format=csv: a spreadsheet)", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = StatementOfReasons.class)),
            @Content(mediaType = "text/csv")})
    public Uni<Response> statements(@PathParam("brandId") String brandId,
                                    @Parameter(description = "Decided at or after (ISO-8601; default 30 days before to)",
                                            schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("from") String from,
                                    @Parameter(description = "Decided before (ISO-8601; default now)",
                                            schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("to") String to,
                                    @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "csv"}, defaultValue = "json"))
                                    @QueryParam("format") @DefaultValue("json") String format) {
        String brand = caller.requireBrand(brandId);
        Instant[] period = period(from, to);
        boolean csv = csv(format);
        return audit.decisions(caller.tenant(), brand, period[0], period[1], true)
                .map(entries -> entries.stream().map(e -> AuditService.statement(e, brand)).toList())
                .map(statements -> csv ? csvResponse(statementsCsv(statements), brand + "-statements-of-reasons.csv")
                        : Response.ok(statements, MediaType.APPLICATION_JSON).build());
    }

    private Instant[] period(String from, String to) {
        Instant end = to == null ? clock.instant() : QueryValues.instant("to", to);
        Instant start = from == null ? end.minus(Duration.ofDays(30)) : QueryValues.instant("from", from);
        if (!start.isBefore(end)) {
            throw Problems.invalidParameter("from", "must be before to");
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw Problems.invalidParameter("to", "the period must be at most 366 days");
        }
        return new Instant[] {start, end};
    }

    private static boolean csv(String format) {
        if (!format.equals("json") && !format.equals("csv")) {
            throw Problems.invalidParameter("format", "must be json or csv");
        }
        return format.equals("csv");
    }

    private static Response csvResponse(String body, String filename) {
        return Response.ok(body, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }

    private static String decisionsCsv(List<AuditEntry> entries) {
        CsvText csv = new CsvText().row(Arrays.asList("decision_id", "item_id", "decided_at", "actor", "automated", "rule_id",
                "charter_version", "action", "from_status", "to_status", "assignee", "reason", "details", "network_outcome",
                "network_reason", "channel", "author", "text", "via"));
        for (AuditEntry e : entries) {
            csv.row(Arrays.asList(e.decisionId(), e.itemId(), e.decidedAt(), e.actor(), e.automated(), e.ruleId(),
                    e.charterVersion(), e.action(), e.fromStatus(), e.toStatus(), e.assignee(), e.reason(), e.details(),
                    e.networkOutcome(), e.networkReason(), e.channel(), e.author(), e.text(), e.via()));
        }
        return csv.toString();
    }

    private static String statementsCsv(List<StatementOfReasons> statements) {
        CsvText csv = new CsvText().row(Arrays.asList("decision_id", "item_id", "decided_at", "restriction",
                "content_channel", "content_url", "content_published_at", "content_excerpt", "facts",
                "automated_detection", "automated_decision", "ground", "ground_explanation", "redress", "network_outcome"));
        for (StatementOfReasons s : statements) {
            csv.row(Arrays.asList(s.decisionId(), s.itemId(), s.decidedAt(), s.restriction(), s.contentChannel(),
                    s.contentUrl(), s.contentPublishedAt(), s.contentExcerpt(), s.facts(), s.automatedDetection(),
                    s.automatedDecision(), s.ground(), s.groundExplanation(), s.redress(), s.networkOutcome()));
        }
        return csv.toString();
    }
}
