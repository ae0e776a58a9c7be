package io.tribu.listening.source;

/**
 * What a conditional GET of a feed gave: new content with its validators and Content-Type (its charset), or "not
 * modified".
 */
public record FetchResponse(int status, byte[] body, String etag, String lastModified, String contentType) {

    public boolean notModified() {
        return status == 304;
    }
}
