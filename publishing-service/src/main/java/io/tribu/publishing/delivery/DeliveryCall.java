package io.tribu.publishing.delivery;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import io.tribu.publishing.channel.ChannelService;
import io.tribu.publishing.channel.TokenRefresh;
import io.tribu.publishing.network.NetworkAdapter;
import io.tribu.publishing.network.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One call to the network for a delivery whose intent is recorded, the delivery id as idempotency key. */
@ApplicationScoped
public class DeliveryCall {

    private static final Logger LOG = Logger.getLogger(DeliveryCall.class);

    private final ChannelService channels;
    private final TokenRefresh tokens;
    private final Map<String, NetworkAdapter> adapters;
    private final Clock clock;

    public DeliveryCall(ChannelService channels, TokenRefresh tokens, Instance<NetworkAdapter> adapters, Clock clock) {
        this.channels = channels;
        this.tokens = tokens;
        this.clock = clock;
        this.adapters = adapters.stream().collect(Collectors.toMap(adapter -> adapter.network().wire(), Function.identity()));
    }

    /** Never fails: an error of the call is an outcome to retry. */
    @WithSpan
    Uni<Answered> call(Leased delivery) {
        Span.current().setAttribute("tribu.brand.id", delivery.brandId())
                .setAttribute("tribu.delivery.id", delivery.id().toString())
                .setAttribute("tribu.network", delivery.network());
        if (delivery.reconciling()) {
            LOG.infof("Delivery %s had an intent without a result (a worker stopped mid-call): reconciling with the same key",
                    delivery.id());
        }
        NetworkAdapter adapter = adapters.get(delivery.network());
        if (adapter == null) {
            return answered(delivery, new Outcome.Permanent("publishing to " + delivery.network() + " is not supported yet"));
        }
        return Uni.createFrom().item(() -> channels.account(delivery.channelId(), delivery.network(), delivery.baseUrl(),
                        delivery.handle(), delivery.sealedCredentials()))
                .chain(account -> tokens.call(adapter, account, current -> adapter.publish(current, delivery.text(),
                        delivery.media(), delivery.id().toString(), delivery.mayExist())))
                .onFailure().recoverWithItem(failure -> new Outcome.Retry(null, "delivery failed: " + failure.getMessage()))
                .map(outcome -> new Answered(delivery, outcome, clock.instant()));
    }

    private Uni<Answered> answered(Leased delivery, Outcome outcome) {
        return Uni.createFrom().item(new Answered(delivery, outcome, clock.instant()));
    }
}
