package io.tribu.publishing.delivery;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Spreads the delivery calls over every event loop of the service, round robin.
 * <p>
 * Vert.x runs a callback on the context it was registered from, and the HTTP client opens a connection on
 * the event loop of the call that needed it: started from the worker's one timer context, a whole burst
 * (HTTP, JSON, the outcomes' SQL) ran on a single thread, one core of the pod's however many (91 % of a
 * replica's samples in the burst profile). Each call here starts on a fresh duplicated context (as Quarkus
 * gives each request) of the next loop, so the connections, their answers and what follows them are
 * shared by all loops.
 */
@ApplicationScoped
public class DeliveryLoops {

    private final List<Context> loops = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();

    public DeliveryLoops(Vertx vertx) {
        VertxInternal internal = (VertxInternal) vertx;
        ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        for (EventExecutor executor : vertx.nettyEventLoopGroup()) {
            loops.add(internal.createEventLoopContext((EventLoop) executor, internal.getWorkerPool(), classLoader));
        }
    }

    /** How many event loops calls are spread over. */
    int size() {
        return loops.size();
    }

    /** Runs {@code task} on the next event loop, in a context of its own. */
    void run(Runnable task) {
        Context loop = loops.get(Math.floorMod(next.getAndIncrement(), loops.size()));
        VertxContext.createNewDuplicatedContext(loop).runOnContext(ignored -> task.run());
    }
}
