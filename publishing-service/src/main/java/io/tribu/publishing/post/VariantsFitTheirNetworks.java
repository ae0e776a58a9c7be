package io.tribu.publishing.post;

import io.tribu.publishing.network.Network;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The per-network rules of {@link FitTheirNetworks}. Missing networks or texts are left to
 * {@code @NotBlank}, so each mistake is reported once.
 */
public class VariantsFitTheirNetworks implements ConstraintValidator<FitTheirNetworks, List<VariantRequest>> {

    @Override
    public boolean isValid(List<VariantRequest> variants, ConstraintValidatorContext context) {
        if (variants == null) {
            return true;
        }
        HibernateConstraintValidatorContext violations = context.unwrap(HibernateConstraintValidatorContext.class);
        violations.disableDefaultConstraintViolation();
        Map<Network, Integer> firstVariantOf = new EnumMap<>(Network.class);
        boolean valid = true;
        for (int index = 0; index < variants.size(); index++) {
            VariantRequest variant = variants.get(index);
            if (variant == null || variant.network() == null || variant.network().isBlank()) {
                continue;
            }
            Optional<Network> known = Network.fromWire(variant.network());
            if (known.isEmpty()) {
                // The unknown name is not echoed: it is the caller's input, of any length.
                report(violations, index, "network", "unknown network; supported networks are {supported}",
                        Map.of("supported", Network.supported()));
                valid = false;
                continue;
            }
            Network network = known.get();
            Integer first = firstVariantOf.putIfAbsent(network, index);
            if (first != null) {
                report(violations, index, "network",
                        "at most one variant per network: {network} already has variants[{first}]",
                        Map.of("network", network.wire(), "first", first.toString()));
                valid = false;
            }
            if (variant.text() != null) {
                int length = network.lengthOf(variant.text());
                if (length > network.maxLength()) {
                    report(violations, index, "text", "{network} allows at most {limit} {unit}, this text has {length}",
                            Map.of("network", network.wire(), "limit", Integer.toString(network.maxLength()),
                                    "unit", network.unit().label(), "length", Integer.toString(length)));
                    valid = false;
                }
            }
            for (Network.Broken broken : network.otherRulesBrokenBy(variant.text(), variant.media())) {
                report(violations, index, broken.field(), broken.template(), broken.parameters());
                valid = false;
            }
        }
        return valid;
    }

    /** Parameters, never concatenation: message templates are interpreted, values are not. */
    private static void report(HibernateConstraintValidatorContext violations, int index, String field,
                               String template, Map<String, String> parameters) {
        parameters.forEach(violations::addMessageParameter);
        violations.buildConstraintViolationWithTemplate(template)
                .addPropertyNode(field).inIterable().atIndex(index)
                .addConstraintViolation();
    }
}
