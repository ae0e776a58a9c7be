package io.tribu.listening.source.webhook;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.tribu.platform.json.StrictJson;
import io.tribu.platform.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads one pushed mention (webhook body or Kafka ingest record) and checks it; a bad one is a 400 problem naming
 * the field, never a Java type. The service's JSON rules apply (the platform's StrictJson): no coercion of
 * scalars, and text holding a NUL or an unpaired surrogate, which PostgreSQL cannot store, is refused.
 */
@ApplicationScoped
public class DeliveryReader {

    private final ObjectMapper json;
    private final Validator validator;

    public DeliveryReader(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    public WebhookDelivery read(String body) {
        if (body == null || body.isBlank()) {
            throw Problems.invalidBody("body", "must be a JSON object");
        }
        WebhookDelivery delivery;
        try {
            delivery = json.readValue(body, WebhookDelivery.class);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(reference -> reference.getFieldName() != null
                    ? reference.getFieldName() : "[" + reference.getIndex() + "]").collect(Collectors.joining("."));
            if (field.isEmpty()) {
                throw Problems.invalidBody("body", "must be a JSON object");
            }
            throw Problems.invalidBody(field, e instanceof StrictJson.InvalidTextException
                    ? e.getOriginalMessage() : "has a value of the wrong type or format");
        } catch (JsonProcessingException e) {
            // Jackson's own message names Java types: say where the JSON breaks instead.
            JsonLocation at = e.getLocation();
            throw Problems.invalidBody("body", "is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        if (delivery == null) {
            throw Problems.invalidBody("body", "must be a JSON object");
        }
        List<Map<String, String>> violations = new ArrayList<>(validator.validate(delivery).stream()
                .map(violation -> Problems.violation(violation.getPropertyPath().toString(), "body", violation.getMessage()))
                .toList());
        if (!delivery.readable()) {
            violations.add(Problems.violation("text", "body", "must not be blank"));
        }
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing(violation -> violation.get("field")));
            throw Problems.invalid(Problems.INVALID_BODY, "The delivery is not a valid mention", violations);
        }
        return delivery.normalized();
    }
}
