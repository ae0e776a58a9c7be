package io.tribu.publishing.network;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;

/**
 * The bytes of a JDK request's body publisher, gathered for the Vert.x client: adapters build bodies with
 * {@link HttpRequest.BodyPublishers}, whatever their source (a string, bytes, a file). Null without a body.
 */
final class RequestBody implements Flow.Subscriber<ByteBuffer> {

    private final Promise<Buffer> gathered = Promise.promise();
    private final Buffer bytes = Buffer.buffer();

    private RequestBody() {
    }

    static Future<Buffer> of(HttpRequest request) {
        HttpRequest.BodyPublisher publisher = request.bodyPublisher().orElse(null);
        if (publisher == null || publisher.contentLength() == 0) {
            return Future.succeededFuture();
        }
        RequestBody body = new RequestBody();
        publisher.subscribe(body);
        return body.gathered.future();
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(ByteBuffer item) {
        byte[] chunk = new byte[item.remaining()];
        item.get(chunk);
        bytes.appendBytes(chunk);
    }

    @Override
    public void onError(Throwable failure) {
        gathered.tryFail(failure);
    }

    @Override
    public void onComplete() {
        gathered.tryComplete(bytes);
    }
}
