package io.tribu.publishing.post;

import java.time.Instant;
import java.util.List;

/** The brand's posts planned in [from, to), earliest first; from and to tell which defaults applied. */
public record CalendarView(String brandId, Instant from, Instant to, List<PostView> posts) {
}
