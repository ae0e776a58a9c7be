package io.tribu.publishing.delivery;

import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeliveryLoopsTest {

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(3));

    @AfterEach
    void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void consecutiveCallsRunOnEveryEventLoopEachInAContextOfItsOwn() throws InterruptedException {
        DeliveryLoops loops = new DeliveryLoops(vertx);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Set<Context> contexts = ConcurrentHashMap.newKeySet();
        CountDownLatch ran = new CountDownLatch(6);
        for (int i = 0; i < 6; i++) {
            loops.run(() -> {
                assertTrue(Context.isOnEventLoopThread(), "on an event loop, not a worker");
                if (VertxContext.isOnDuplicatedContext()) {
                    threads.add(Thread.currentThread().getName());
                    contexts.add(Vertx.currentContext());
                }
                ran.countDown();
            });
        }
        assertTrue(ran.await(5, TimeUnit.SECONDS));
        assertEquals(3, loops.size());
        assertEquals(3, threads.size(), "six calls over three loops use all three: " + threads);
        assertEquals(6, contexts.size(), "each call has its own duplicated context");
    }
}
