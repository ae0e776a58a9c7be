package io.tribu.publishing.bulk;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.json.StrictJson;
import io.tribu.publishing.campaign.Campaign;
import io.tribu.publishing.post.NewPost;
import io.tribu.publishing.post.PostRequest;
import io.tribu.publishing.post.PostService;
import io.tribu.publishing.post.VariantRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CSV import of drafts. All or nothing: every row is checked first (the same rules as {@code POST /posts}, each
 * violation naming its row, line and column), and only a file without any error is stored, in one transaction.
 * Why: with a partial import the user must find which rows went in and send only the others, and sending the
 * fixed file again would create the valid rows twice; all or nothing makes "fix and send the whole file again"
 * always right.
 */
@ApplicationScoped
public class PostImport {

    static final int MAX_ROWS = 500;
    private static final Pattern VARIANT_PATH = Pattern.compile("variants\\[(\\d+)](?:\\.(text|media|network))?.*");

    /** A row ready to be stored. */
    public record Row(int row, int line, NewPost post) {
    }

    /** What was stored: the new post of each row. */
    public record Imported(int imported, List<ImportedPost> posts) {
    }

    public record ImportedPost(int row, int line, UUID id) {
    }

    private final Validator validator;
    private final PostService posts;

    public PostImport(Validator validator, PostService posts) {
        this.validator = validator;
        this.posts = posts;
    }

    /** Reads and checks the whole file: the rows when every one is valid, else 400 naming each problem (413 over 500 rows). */
    public List<Row> read(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ImportProblem.of(List.of(new ImportProblem.RowViolation(0, 1, "", "the file is not UTF-8 text")), 0);
        }
        List<Csv.Record> records;
        try {
            records = Csv.read(text, MAX_ROWS + 1);
        } catch (Csv.Unreadable e) {
            throw ImportProblem.of(List.of(new ImportProblem.RowViolation(0, e.line, "", "not CSV: " + e.getMessage())), 0);
        }
        if (records.size() > MAX_ROWS + 1) {
            throw ImportProblem.tooLarge("A file holds at most " + MAX_ROWS + " posts; split it");
        }
        if (records.isEmpty()) {
            throw ImportProblem.of(List.of(new ImportProblem.RowViolation(0, 1, "", "the file is empty: a header line is required")), 0);
        }
        Map<String, Integer> header = header(records.get(0));
        List<Row> rows = new ArrayList<>();
        List<ImportProblem.RowViolation> violations = new ArrayList<>();
        for (int index = 1; index < records.size(); index++) {
            Csv.Record record = records.get(index);
            int before = violations.size();
            PostRequest request = request(index, record, header, violations);
            if (violations.size() == before) {
                rows.add(new Row(index, record.line(), NewPost.of(request)));
            }
        }
        if (records.size() == 1) {
            violations.add(new ImportProblem.RowViolation(0, 1, "", "the file has a header but no post"));
        }
        if (!violations.isEmpty()) {
            throw ImportProblem.of(violations, records.size() - 1);
        }
        return rows;
    }

    /** Stores every row's draft in one transaction (each with its post.created event), or none of them. */
    @WithTransaction
    public Uni<Imported> store(String tenant, String brandId, String author, List<Row> rows) {
        Set<UUID> campaigns = new HashSet<>();
        rows.forEach(row -> {
            if (row.post().campaignId() != null) {
                campaigns.add(row.post().campaignId());
            }
        });
        Uni<List<Campaign>> known = campaigns.isEmpty() ? Uni.createFrom().item(List.of())
                : Campaign.list("tenant = ?1 and brandId = ?2 and id in ?3", tenant, brandId, List.copyOf(campaigns));
        return known.chain(found -> {
            Set<UUID> ofBrand = new HashSet<>(found.stream().map(campaign -> campaign.id).toList());
            List<ImportProblem.RowViolation> unknown = rows.stream()
                    .filter(row -> row.post().campaignId() != null && !ofBrand.contains(row.post().campaignId()))
                    .map(row -> new ImportProblem.RowViolation(row.row(), row.line(), PostColumns.CAMPAIGN_ID,
                            "no such campaign for this brand"))
                    .toList();
            if (!unknown.isEmpty()) {
                return Uni.createFrom().failure(ImportProblem.of(unknown, rows.size()));
            }
            Uni<List<ImportedPost>> stored = Uni.createFrom().item(new ArrayList<>());
            for (Row row : rows) {
                stored = stored.chain(done -> posts.createDraft(tenant, brandId, author, row.post()).map(post -> {
                    done.add(new ImportedPost(row.row(), row.line(), post.id));
                    return done;
                }));
            }
            return stored.map(done -> new Imported(done.size(), done));
        });
    }

    private static Map<String, Integer> header(Csv.Record record) {
        Set<String> known = new HashSet<>(PostColumns.all());
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<ImportProblem.RowViolation> violations = new ArrayList<>();
        for (int i = 0; i < record.cells().size(); i++) {
            String name = record.cells().get(i).trim();
            if (!known.contains(name)) {
                violations.add(new ImportProblem.RowViolation(0, record.line(), "column " + (i + 1),
                        "unknown column; the columns are " + String.join(", ", PostColumns.all())));
            } else if (columns.putIfAbsent(name, i) != null) {
                violations.add(new ImportProblem.RowViolation(0, record.line(), name, "this column appears twice"));
            }
        }
        if (!columns.containsKey(PostColumns.TITLE)) {
            violations.add(new ImportProblem.RowViolation(0, record.line(), PostColumns.TITLE, "the header has no title column"));
        }
        if (PostColumns.networks().stream().noneMatch(columns::containsKey)) {
            violations.add(new ImportProblem.RowViolation(0, record.line(), "",
                    "the header has no network column (" + String.join(", ", PostColumns.networks()) + ")"));
        }
        if (!violations.isEmpty()) {
            throw ImportProblem.of(violations, 0);
        }
        return columns;
    }

    private PostRequest request(int row, Csv.Record record, Map<String, Integer> header,
                                List<ImportProblem.RowViolation> violations) {
        Map<String, String> cells = new HashMap<>();
        if (record.cells().size() > header.size() && record.cells().subList(header.size(), record.cells().size()).stream()
                .anyMatch(cell -> !cell.isEmpty())) {
            violations.add(new ImportProblem.RowViolation(row, record.line(), "",
                    "the row has " + record.cells().size() + " cells, the header " + header.size()));
        }
        header.forEach((column, index) -> {
            String cell = index < record.cells().size() ? Csv.unneutralised(record.cells().get(index)) : "";
            String refusal = StrictJson.refusal(cell);
            if (refusal != null) {
                violations.add(new ImportProblem.RowViolation(row, record.line(), column, refusal));
            } else {
                cells.put(column, cell);
            }
        });
        Instant plannedAt = null;
        String planned = cells.getOrDefault(PostColumns.PLANNED_AT, "").trim();
        if (!planned.isEmpty()) {
            try {
                plannedAt = Instant.parse(planned);
            } catch (DateTimeParseException e) {
                violations.add(new ImportProblem.RowViolation(row, record.line(), PostColumns.PLANNED_AT,
                        "must be an ISO-8601 instant such as 2026-12-24T18:00:00Z, or empty"));
            }
        }
        UUID campaignId = null;
        String campaign = cells.getOrDefault(PostColumns.CAMPAIGN_ID, "").trim();
        if (!campaign.isEmpty()) {
            try {
                campaignId = UUID.fromString(campaign);
            } catch (IllegalArgumentException e) {
                violations.add(new ImportProblem.RowViolation(row, record.line(), PostColumns.CAMPAIGN_ID, "must be a campaign id (UUID), or empty"));
            }
        }
        String tagCell = cells.getOrDefault(PostColumns.TAGS, "").trim();
        List<String> tags = tagCell.isEmpty() ? List.of()
                : Arrays.stream(tagCell.split("\\" + PostColumns.TAG_SEPARATOR)).map(String::trim).filter(tag -> !tag.isEmpty()).toList();
        List<VariantRequest> variants = new ArrayList<>();
        List<String> variantNetworks = new ArrayList<>();
        for (String network : PostColumns.networks()) {
            String text = cells.getOrDefault(network, "");
            String mediaCell = cells.getOrDefault(network + PostColumns.MEDIA_SUFFIX, "").trim();
            List<String> media = mediaCell.isEmpty() ? List.of() : List.of(mediaCell.split("\\s+"));
            if (text.isBlank()) {
                if (!media.isEmpty()) {
                    violations.add(new ImportProblem.RowViolation(row, record.line(), network + PostColumns.MEDIA_SUFFIX,
                            "media without a " + network + " text"));
                }
                continue;
            }
            variants.add(new VariantRequest(network, text, media));
            variantNetworks.add(network);
        }
        PostRequest request = new PostRequest(cells.getOrDefault(PostColumns.TITLE, "").trim(), plannedAt, tags, variants, campaignId);
        for (ConstraintViolation<PostRequest> violation : validator.validate(request)) {
            String path = violation.getPropertyPath().toString();
            violations.add(variants.isEmpty() && path.equals("variants")
                    ? new ImportProblem.RowViolation(row, record.line(), "", "a post needs a text in at least one network column")
                    : new ImportProblem.RowViolation(row, record.line(), column(path, variantNetworks), violation.getMessage()));
        }
        return request;
    }

    /** The column a violation of the request is about: variants[1].text is the second variant's network column. */
    private static String column(String path, List<String> networks) {
        Matcher variant = VARIANT_PATH.matcher(path);
        if (variant.matches()) {
            String network = networks.get(Integer.parseInt(variant.group(1)));
            return "media".equals(variant.group(2)) ? network + PostColumns.MEDIA_SUFFIX : network;
        }
        return path.startsWith(PostColumns.TAGS) ? PostColumns.TAGS : path;
    }
}
