package io.tribu.publishing.recurrence;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.problem.Problems;
import io.tribu.platform.access.NotFoundProblems;
import io.tribu.publishing.brand.BrandSettings;
import io.tribu.publishing.config.PublishingConfig;
import io.tribu.publishing.delivery.DeliveryPlanner;
import io.tribu.publishing.network.Network;
import io.tribu.publishing.post.NewPost;
import io.tribu.publishing.post.Post;
import io.tribu.publishing.post.PostHistory;
import io.tribu.publishing.post.PostProblems;
import io.tribu.publishing.post.PostRepository;
import io.tribu.publishing.post.PostService;
import io.tribu.publishing.post.PostStatus;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Recurring and evergreen series. Each occurrence becomes a post of its own (a copy of the series' approved post,
 * scheduled at the occurrence's instant, delivered exactly once by the delivery machinery) when it comes within
 * {@code tribu.recurrence.lead} of its instant. Occurrences further ahead exist only as the rule says; a user may
 * skip one, or detach it into a draft of its own to edit it alone.
 *
 * <p><b>Catch-up rule</b>: when the service was not running at some occurrences' instants, only the latest missed one,
 * if it is less than {@code tribu.recurrence.grace} late, is sent (at once); the older ones are recorded as
 * {@code missed} and never sent. A series never bursts after downtime.
 */
@ApplicationScoped
public class Recurrences {

    static final int MAX_YEARS = 2;
    static final int BATCH = 100;

    private final PostService posts;
    private final PostRepository postRows;
    private final PostHistory history;
    private final DeliveryPlanner deliveries;
    private final BrandSettings settings;
    private final Clock clock;
    private final Duration lead;
    private final Duration grace;

    public Recurrences(PostService posts, PostRepository postRows, PostHistory history, DeliveryPlanner deliveries, BrandSettings settings, Clock clock,
                       PublishingConfig config) {
        this.posts = posts;
        this.postRows = postRows;
        this.history = history;
        this.deliveries = deliveries;
        this.settings = settings;
        this.clock = clock;
        this.lead = config.recurrence().lead();
        this.grace = config.recurrence().grace();
    }

    @WithTransaction
    public Uni<Recurrence> create(String tenant, String brandId, String actor, RecurrenceRequest request) {
        return postRows.find(tenant, brandId, request.postId())
                .onItem().ifNull().failWith(() -> Problems.invalidBody("postId", "no such post for this brand"))
                .chain(post -> {
                    if (!PostStatus.APPROVED.wire().equals(post.status)) {
                        return Uni.createFrom().failure(PostProblems.conflict("A series repeats an approved post; this one is "
                                + post.status));
                    }
                    return settings.zone(tenant, brandId, null).chain(zone -> {
                        Instant now = clock.instant();
                        LocalDate start = request.startDate() != null ? request.startDate() : LocalDate.ofInstant(now, zone);
                        if (request.endDate().isBefore(start)) {
                            return Uni.createFrom().failure(Problems.invalidBody("endDate", "must not be before startDate (" + start + ")"));
                        }
                        if (request.endDate().isAfter(start.plusYears(MAX_YEARS))) {
                            return Uni.createFrom().failure(Problems.invalidBody("endDate", "must be at most " + MAX_YEARS
                                    + " years after startDate (" + start + ")"));
                        }
                        Recurrence series = new Recurrence();
                        series.id = UUID.randomUUID();
                        series.tenant = tenant;
                        series.brandId = brandId;
                        series.postId = post.id;
                        series.kind = request.repeat();
                        series.days = request.days() == null ? new String[0] : request.days().stream().distinct().toArray(String[]::new);
                        series.dayOfMonth = request.dayOfMonth() == null ? 0 : request.dayOfMonth();
                        series.everyDays = request.everyDays() == null ? 0 : request.everyDays();
                        series.localTime = LocalTime.parse(request.time());
                        series.timezone = zone.getId();
                        series.startsOn = start;
                        series.endsOn = request.endDate();
                        series.createdBy = actor;
                        series.createdAt = now;
                        // Occurrences before the series existed are not owed.
                        series.handledUntil = now;
                        return series.<Recurrence>persistAndFlush()
                                .call(stored -> history.append(post, actor, "repeat", post.status, RecurrenceView.of(stored).repeat()
                                        + " until " + stored.endsOn + ", series " + stored.id));
                    });
                });
    }

    @WithSession
    public Uni<List<Recurrence>> list(String tenant, String brandId) {
        return Recurrence.list("tenant = ?1 and brandId = ?2 order by createdAt desc, id", tenant, brandId);
    }

    @WithSession
    public Uni<Recurrence> get(String tenant, String brandId, UUID id) {
        return find(tenant, brandId, id);
    }

    @WithTransaction
    public Uni<Recurrence> stop(String tenant, String brandId, UUID id, String actor) {
        return locked(tenant, brandId, id).chain(series -> {
            if (series.stoppedAt == null) {
                series.stoppedAt = clock.instant();
                series.stoppedBy = actor;
            }
            return Uni.createFrom().item(series);
        });
    }

    /**
     * The occurrences whose local dates are in [from, to]: handled ones as recorded, the others upcoming. Without
     * from, today in the series' zone (or 31 days before to); without to, 31 days after from.
     */
    @WithSession
    public Uni<List<RecurrenceView.OccurrenceView>> occurrences(String tenant, String brandId, UUID id, LocalDate first, LocalDate last) {
        return find(tenant, brandId, id).chain(series -> {
            ZoneId zone = ZoneId.of(series.timezone);
            LocalDate from = first != null ? first : last != null ? last.minusDays(31) : LocalDate.ofInstant(clock.instant(), zone);
            LocalDate to = last != null ? last : from.plusDays(31);
            return occurrences(series, from, to);
        });
    }

    private static Uni<List<RecurrenceView.OccurrenceView>> occurrences(Recurrence series, LocalDate from, LocalDate to) {
        return Occurrence.<Occurrence>list(
                        "recurrenceId = ?1 and localDate >= ?2 and localDate <= ?3 order by localDate", series.id, from, to)
                .map(rows -> {
                    RepeatRule rule = series.rule();
                    ZoneId zone = rule.zone();
                    Map<LocalDate, Occurrence> handled = rows.stream().collect(Collectors.toMap(row -> row.localDate, Function.identity()));
                    List<RecurrenceView.OccurrenceView> views = new ArrayList<>();
                    Instant after = from.atStartOfDay(zone).toInstant().minusSeconds(1);
                    Instant until = to.plusDays(1).atStartOfDay(zone).toInstant();
                    for (RepeatRule.Occurrence occurrence : rule.between(after, until)) {
                        if (occurrence.date().isBefore(from) || occurrence.date().isAfter(to)) {
                            continue;
                        }
                        Occurrence row = handled.remove(occurrence.date());
                        views.add(row != null ? view(row)
                                : new RecurrenceView.OccurrenceView(occurrence.date(), occurrence.dueAt(),
                                series.stoppedAt != null ? Occurrence.SKIPPED : "upcoming", null,
                                series.stoppedAt != null ? "the series was stopped" : null));
                    }
                    return views;
                });
    }

    /** Skips one occurrence ahead of time; 409 once it was handled. */
    @WithTransaction
    public Uni<RecurrenceView.OccurrenceView> skip(String tenant, String brandId, UUID id, LocalDate date, String actor) {
        return ahead(tenant, brandId, id, date).chain(series -> {
            RepeatRule.Occurrence occurrence = new RepeatRule.Occurrence(date, series.rule().dueAt(date));
            Occurrence row = Occurrence.of(series, occurrence, Occurrence.SKIPPED, null, "skipped by " + actor, clock.instant());
            return row.persistAndFlush().replaceWith(view(row));
        });
    }

    /** Detaches one occurrence into a draft of its own, planned at its instant, to be edited and reviewed alone. */
    @WithTransaction
    public Uni<Post> detach(String tenant, String brandId, UUID id, LocalDate date, String actor) {
        return ahead(tenant, brandId, id, date).chain(series -> template(series).chain(template -> {
            RepeatRule.Occurrence occurrence = new RepeatRule.Occurrence(date, series.rule().dueAt(date));
            return posts.createDraft(tenant, brandId, actor, copy(template, occurrence.dueAt()))
                    .call(post -> Occurrence.of(series, occurrence, Occurrence.DETACHED, post.id, "detached by " + actor,
                            clock.instant()).persistAndFlush());
        }));
    }

    /**
     * Handles every occurrence that came within the lead of its instant since the last run, for up to {@link #BATCH}
     * series, each locked (FOR UPDATE SKIP LOCKED) so that replicas share the series and never handle one twice.
     * Returns how many occurrences were handled.
     */
    @WithTransaction
    public Uni<Integer> handleDue() {
        Instant now = clock.instant();
        Instant horizon = now.plus(lead);
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select * from recurrence
                        where stopped_at is null and handled_until < :horizon
                          and handled_until < ((ends_on + 2)::timestamp at time zone 'UTC')
                        order by handled_until limit :batch
                        for update skip locked""", Recurrence.class)
                .setParameter("horizon", horizon).setParameter("batch", BATCH).getResultList())
                .chain(due -> {
                    Uni<Integer> handled = Uni.createFrom().item(0);
                    for (Recurrence series : due) {
                        handled = handled.chain(count -> handle(series, now, horizon).map(more -> count + more));
                    }
                    return handled;
                });
    }

    private Uni<Integer> handle(Recurrence series, Instant now, Instant horizon) {
        List<RepeatRule.Occurrence> due = series.rule().between(series.handledUntil, horizon);
        series.handledUntil = horizon;
        if (due.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Occurrence.<Occurrence>list("recurrenceId = ?1 and localDate in ?2", series.id,
                due.stream().map(RepeatRule.Occurrence::date).toList()).chain(existing -> {
            Set<LocalDate> done = existing.stream().map(row -> row.localDate).collect(Collectors.toSet());
            List<RepeatRule.Occurrence> open = due.stream().filter(occurrence -> !done.contains(occurrence.date())).toList();
            RepeatRule.Occurrence latestLate = open.stream().filter(occurrence -> !occurrence.dueAt().isAfter(now))
                    .reduce((first, second) -> second)
                    .filter(occurrence -> !occurrence.dueAt().isBefore(now.minus(grace))).orElse(null);
            Uni<Integer> handled = Uni.createFrom().item(0);
            for (RepeatRule.Occurrence occurrence : open) {
                boolean send = occurrence.dueAt().isAfter(now) || occurrence.equals(latestLate);
                handled = handled.chain(count -> (send ? schedule(series, occurrence, now)
                        : Occurrence.of(series, occurrence, Occurrence.MISSED, null, "the service was not running at "
                                + occurrence.dueAt() + "; after downtime only the latest occurrence missed by less than "
                                + grace + " is sent", now).persist().replaceWithVoid())
                        .map(ignored -> count + 1));
            }
            return handled;
        });
    }

    /** The occurrence's own post, scheduled at its instant; failed (with the reason) when it cannot be scheduled. */
    private Uni<Void> schedule(Recurrence series, RepeatRule.Occurrence occurrence, Instant now) {
        return template(series)
                .chain(template -> posts.createDraft(series.tenant, series.brandId, series.actor(), copy(template, occurrence.dueAt())))
                .chain(post -> {
                    post.status = PostStatus.SCHEDULED.wire();
                    return deliveries.plan(post)
                            .chain(() -> history.append(post, series.actor(), "schedule", PostStatus.DRAFT.wire(),
                                    "occurrence " + occurrence.date() + " of series " + series.id))
                            .chain(() -> Occurrence.of(series, occurrence, Occurrence.SCHEDULED, post.id, null, now).persist())
                            .onFailure(HttpProblem.class).recoverWithUni(problem -> {
                                post.status = PostStatus.DRAFT.wire();
                                return Occurrence.of(series, occurrence, Occurrence.FAILED, post.id,
                                        ((HttpProblem) problem).getDetail() + "; the occurrence's post stays a draft", now).persist();
                            });
                })
                .onFailure(HttpProblem.class).recoverWithUni(problem -> Occurrence.of(series, occurrence, Occurrence.FAILED, null,
                        ((HttpProblem) problem).getDetail(), now).persist())
                .replaceWithVoid();
    }

    private Uni<Post> template(Recurrence series) {
        return postRows.find(series.tenant, series.brandId, series.postId)
                .onItem().ifNull().failWith(() -> PostProblems.conflict("The series' post no longer exists"));
    }

    private static NewPost copy(Post template, Instant plannedAt) {
        return new NewPost(template.title, plannedAt, List.of(template.tags),
                template.variants.stream().map(variant -> new NewPost.Variant(Network.fromWire(variant.network).orElseThrow(),
                        variant.text, variant.media)).toList(),
                template.campaignId);
    }

    /** The series, locked, when {@code date} is one of its occurrences not handled yet. */
    private Uni<Recurrence> ahead(String tenant, String brandId, UUID id, LocalDate date) {
        return locked(tenant, brandId, id).call(series -> {
            RepeatRule rule = series.rule();
            if (!rule.isOccurrence(date)) {
                return Uni.createFrom().failure(NotFoundProblems.of("The series has no occurrence on " + date));
            }
            if (series.stoppedAt != null) {
                return Uni.createFrom().failure(PostProblems.conflict("The series was stopped"));
            }
            if (!rule.dueAt(date).isAfter(series.handledUntil)) {
                return Uni.createFrom().failure(PostProblems.conflict("The occurrence of " + date
                        + " was already handled; see its post (unschedule or edit it there)"));
            }
            return Occurrence.<Occurrence>find("recurrenceId = ?1 and localDate = ?2", series.id, date).firstResult()
                    .chain(row -> row == null ? Uni.createFrom().voidItem()
                            : Uni.createFrom().failure(PostProblems.conflict("The occurrence of " + date + " is already " + row.state)));
        });
    }

    private static Uni<Recurrence> find(String tenant, String brandId, UUID id) {
        return Recurrence.<Recurrence>find("id = ?1 and tenant = ?2 and brandId = ?3", id, tenant, brandId).firstResult()
                .onItem().ifNull().failWith(() -> NotFoundProblems.of("Recurrence " + id + " not found"));
    }

    private static Uni<Recurrence> locked(String tenant, String brandId, UUID id) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select * from recurrence where id = :id and tenant = :tenant and brand_id = :brand for update", Recurrence.class)
                .setParameter("id", id).setParameter("tenant", tenant).setParameter("brand", brandId).getResultList())
                .map(found -> found.isEmpty() ? null : found.get(0))
                .onItem().ifNull().failWith(() -> NotFoundProblems.of("Recurrence " + id + " not found"));
    }

    private static RecurrenceView.OccurrenceView view(Occurrence row) {
        return new RecurrenceView.OccurrenceView(row.localDate, row.dueAt, row.state, row.postId, row.reason);
    }
}
