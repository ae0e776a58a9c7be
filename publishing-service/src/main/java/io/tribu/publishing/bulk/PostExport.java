package io.tribu.publishing.bulk;

import io.smallrye.mutiny.Uni;
import io.tribu.publishing.post.CalendarRange;
import io.tribu.publishing.post.PostService;
import io.tribu.publishing.post.PostView;
import io.tribu.platform.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The calendar of a period as a file: JSON (the posts as the API shows them) or CSV in the import's columns. */
@ApplicationScoped
public class PostExport {

    static final int MAX_POSTS = 5000;

    private final PostService posts;

    public PostExport(PostService posts) {
        this.posts = posts;
    }

    /** The posts planned in the range, earliest first; 400 naming {@code to} when it holds more than 5,000. */
    public Uni<List<PostView>> posts(String tenant, String brandId, CalendarRange range) {
        return posts.planned(tenant, brandId, range.from(), range.to(), MAX_POSTS + 1).map(found -> {
            if (found.size() > MAX_POSTS) {
                throw Problems.invalidParameter("to", "the range holds more than " + MAX_POSTS + " posts; export a shorter one");
            }
            return found.stream().map(PostView::of).toList();
        });
    }

    /** RFC 4180, UTF-8, CRLF; formula-like cells neutralised (see {@link Csv}). */
    static String csv(List<PostView> posts) {
        StringBuilder csv = new StringBuilder();
        List<String> columns = PostColumns.all();
        Csv.line(csv, columns);
        for (PostView post : posts) {
            Map<String, String> cells = new HashMap<>();
            cells.put(PostColumns.ID, post.id().toString());
            cells.put(PostColumns.STATUS, post.status());
            cells.put(PostColumns.TITLE, post.title());
            cells.put(PostColumns.PLANNED_AT, post.plannedAt() == null ? "" : post.plannedAt().toString());
            cells.put(PostColumns.TAGS, String.join(PostColumns.TAG_SEPARATOR, post.tags()));
            cells.put(PostColumns.CAMPAIGN_ID, post.campaignId() == null ? "" : post.campaignId().toString());
            for (PostView.VariantView variant : post.variants()) {
                cells.put(variant.network(), variant.text());
                cells.put(variant.network() + PostColumns.MEDIA_SUFFIX, String.join(" ", variant.media()));
            }
            List<String> line = new ArrayList<>();
            columns.forEach(column -> line.add(cells.getOrDefault(column, "")));
            Csv.line(csv, line);
        }
        return csv.toString();
    }
}
