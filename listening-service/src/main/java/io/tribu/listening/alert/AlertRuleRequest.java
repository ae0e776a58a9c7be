package io.tribu.listening.alert;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "AlertRuleRequest")
public record AlertRuleRequest(
        @Schema(examples = "Rappel produit") @NotBlank @Size(max = 200) String name,
        @Schema(examples = "keyword", enumeration = {"keyword", "negative-spike"}, description = "keyword: a mention contains one of the keywords; "
                + "negative-spike: negative mentions in the last hour far above the usual level for that hour of the week")
        @NotBlank @Pattern(regexp = "keyword|negative-spike", message = "must be keyword or negative-spike") String type,
        @Schema(examples = "[\"rappel\", \"intoxication\", \"product recall\"]",
                description = "keyword: words or phrases, matched as whole words, case and accents ignored")
        @Size(max = 50, message = "must hold at most 50 keywords")
        List<@NotBlank(message = "must not be blank") @Size(max = 100, message = "must be at most 100 characters") String> keywords,
        @Schema(examples = "10", description = "negative-spike: at least this many negative mentions in the hour (default 10)")
        @Min(value = 1, message = "must be at least 1") @Max(value = 1_000_000, message = "must be at most 1000000")
        Integer minMentions,
        @Schema(examples = "3", description = "negative-spike: how many times the usual level (default 3)")
        @DecimalMin(value = "1.5", message = "must be at least 1.5") @DecimalMax(value = "100", message = "must be at most 100")
        Double factor,
        @Schema(examples = "60", description = "quiet time after an alert, in minutes (default 60; 0 alerts on every keyword match)")
        @Min(value = 0, message = "must be at least 0") @Max(value = 10080, message = "must be at most 10080 (a week)")
        Integer cooldownMinutes,
        @Schema(examples = "https://hooks.agence-soleil.fr/tribu", description = "POSTed every alert, signed like "
                + "incoming webhooks (X-Tribu-Timestamp, X-Tribu-Signature); must be a public http(s) URL")
        @Size(max = 2048) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String webhookUrl) {
}
