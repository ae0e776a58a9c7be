package io.tribu.listening.source.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.tribu.listening.problem.BadRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads one pushed mention (webhook body or Kafka ingest record) and checks it; a bad one is a 400 problem naming
 * the field, never a Java type.
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
        WebhookDelivery delivery;
        try {
            delivery = json.readValue(body, WebhookDelivery.class);
        } catch (MismatchedInputException e) {
            String field = e.getPath().stream().map(reference -> reference.getFieldName() != null
                    ? reference.getFieldName() : "[" + reference.getIndex() + "]").collect(Collectors.joining("."));
            throw BadRequest.field(BadRequest.INVALID_BODY, field.isEmpty() ? "body" : field,
                    field.isEmpty() ? "must be a JSON object" : "has a value of the wrong type or format");
        } catch (JsonProcessingException e) {
            // Jackson's own message names Java types: say where the JSON breaks instead.
            throw BadRequest.field(BadRequest.INVALID_BODY, "body", "is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        List<Map<String, String>> violations = new ArrayList<>(validator.validate(delivery).stream()
                .map(violation -> Map.of("field", violation.getPropertyPath().toString(), "in", "body",
                        "message", violation.getMessage()))
                .toList());
        if (!delivery.readable()) {
            violations.add(Map.of("field", "text", "in", "body",
                    "message", "must not be blank"));
        }
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing(violation -> violation.get("field")));
            throw BadRequest.of(BadRequest.INVALID_BODY, "The delivery is not a valid mention", violations);
        }
        return delivery.normalized();
    }
}
