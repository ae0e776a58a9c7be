package io.tribu.publishing.network;

import java.net.URI;
import java.util.Locale;

/** Image or video, told by the URL's file extension: what the validation rules and the container types go by. */
public enum MediaKind {
    IMAGE, VIDEO;

    private static final java.util.Set<String> VIDEO_EXTENSIONS = java.util.Set.of("mp4", "mov", "m4v", "webm");

    public static MediaKind of(String url) {
        String path;
        try {
            path = URI.create(url).getPath();
        } catch (IllegalArgumentException unreadable) {
            path = url;
        }
        if (path == null) {
            return IMAGE;
        }
        String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return VIDEO_EXTENSIONS.contains(extension) ? VIDEO : IMAGE;
    }
}
