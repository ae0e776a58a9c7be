package io.tribu.publishing.delivery;

import io.tribu.publishing.network.Outcome;

import java.time.Instant;

/** What the network answered to one call, and when: the instant the post went out, whenever it is recorded. */
record Answered(Leased delivery, Outcome outcome, Instant at) {
}
