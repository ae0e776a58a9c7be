package io.tribu.listening.query;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.UUID;

/** A query a mention matched, as the mention.recorded event carries it: brand itself or a named competitor. */
@RegisterForReflection
public record MatchedQuery(UUID id, String name, String subject, String competitor) {
}
