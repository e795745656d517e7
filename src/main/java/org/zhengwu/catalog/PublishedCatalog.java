package org.zhengwu.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import org.zhengwu.basedata.Organisation;
import org.zhengwu.basedata.OrganisationRenamed;
import org.zhengwu.basedata.Organisations;
import org.zhengwu.catalog.entry.ItemRecord;
import org.zhengwu.catalog.entry.ItemRepository;
import org.zhengwu.catalog.entry.VersionRecord;
import org.zhengwu.catalog.entry.VersionStatus;
import org.zhengwu.shared.database.ReplicaReads;

/**
 * Reads the published catalogue (同源发布): the one published version of each entry, the entries that were
 * withdrawn, and the public history of versions. Published versions never change, so lookups are cached; a publish
 * or withdrawal on this node evicts at once (and again once a read replica has replayed it), other nodes within
 * {@link #CACHE_TTL}.
 */
@Service
public class PublishedCatalog {

    static final Duration CACHE_TTL = Duration.ofSeconds(30);

    /** The outcome of looking an implementation code up. */
    public sealed interface Lookup {
        record Live(PublishedItem item) implements Lookup {}

        record Withdrawn(
                String implementationCode, String name, String organisationName, Instant withdrawnAt, String reason)
                implements Lookup {}

        record Unknown() implements Lookup {}
    }

    /** One published version in an entry's public history. */
    public record HistoryEntry(int versionNo, Instant publishedAt, Instant endedAt, boolean current) {}

    private final ItemRepository repository;
    private final Organisations organisations;
    private final CatalogCodes codes;
    private final ReplicaReads replica;
    private final Cache<String, Lookup> cache = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfterWrite(CACHE_TTL)
            .build();
    /**
     * Each entry's published versions by number, as {@link #version} finds them: read for every submission and case
     * page. Kept per entry, so that a publish's eviction of the entry waits for a load of it in progress instead of
     * leaving what that load read before the publish.
     */
    private final Cache<String, Map<Integer, PublishedItem>> versions = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfterWrite(CACHE_TTL)
            .build();

    PublishedCatalog(ItemRepository repository, Organisations organisations, CatalogCodes codes, ReplicaReads replica) {
        this.repository = repository;
        this.organisations = organisations;
        this.codes = codes;
        this.replica = replica;
    }

    public Lookup find(String implementationCode) {
        return cache.get(implementationCode, this::load);
    }

    /**
     * The code an entry (or base item) has now, when {@code code} is one it had before a change of the code tables
     * (docs/STANDARDS.md): bookmarks and partners' stored codes are sent on, not lost.
     */
    public Optional<String> movedTo(String code) {
        if (code == null || code.isBlank() || code.length() > 64) {
            return Optional.empty();
        }
        return repository.movedTo(code.strip().toUpperCase(java.util.Locale.ROOT));
    }

    /** The published versions of an entry, newest first; empty for an unknown or never-published entry. */
    public List<HistoryEntry> history(String implementationCode) {
        return repository
                .findItemByCode(implementationCode)
                .map(item -> repository.versionsOf(item.id()).stream()
                        .filter(v -> v.publishedAt() != null)
                        .map(v -> new HistoryEntry(
                                v.versionNo(), v.publishedAt(), v.endedAt(), v.status() == VersionStatus.PUBLISHED))
                        .toList())
                .orElse(List.of());
    }

    /** A version of an entry that was published at some time, as it was then. */
    public Optional<PublishedItem> version(String implementationCode, int versionNo) {
        return Optional.ofNullable(
                versions.get(implementationCode, this::publishedVersions).get(versionNo));
    }

    private Map<Integer, PublishedItem> publishedVersions(String implementationCode) {
        Optional<ItemRecord> item = repository.findItemByCode(implementationCode);
        Optional<Organisation> organisation = item.flatMap(i -> organisations.find(i.organisationUscc()));
        if (item.isEmpty() || organisation.isEmpty()) {
            return Map.of();
        }
        Map<Integer, PublishedItem> published = new HashMap<>();
        for (VersionRecord v : repository.versionsOf(item.get().id())) {
            if (v.publishedAt() != null) {
                published.put(v.versionNo(), toPublished(item.get(), v, organisation.get()));
            }
        }
        return Map.copyOf(published);
    }

    /** Every live entry as published, by implementation code: what exports read. */
    public List<PublishedItem> all() {
        Map<String, Organisation> byCode =
                organisations.all().stream().collect(Collectors.toMap(Organisation::uscc, o -> o));
        return repository.publishedEntries().stream()
                .filter(e -> byCode.containsKey(e.getKey().organisationUscc()))
                .map(e -> toPublished(
                        e.getKey(), e.getValue(), byCode.get(e.getKey().organisationUscc())))
                .toList();
    }

    @TransactionalEventListener
    void on(ItemPublished event) {
        replica.evict(() -> forget(event.implementationCode()));
    }

    @TransactionalEventListener
    void on(ItemWithdrawn event) {
        replica.evict(() -> forget(event.implementationCode()));
    }

    /** A publish or withdrawal ends the version before it and changes the entry's lookup. */
    private void forget(String implementationCode) {
        cache.invalidate(implementationCode);
        versions.invalidate(implementationCode);
    }

    /** Lookups hold the organisation as it was; entries of a renamed one (withdrawn ones too) are read again. */
    @TransactionalEventListener
    void on(OrganisationRenamed event) {
        replica.evict(() -> {
            cache.invalidateAll();
            versions.invalidateAll();
        });
    }

    private Lookup load(String implementationCode) {
        Optional<ItemRecord> item = repository.findItemByCode(implementationCode);
        if (item.isEmpty()) {
            return new Lookup.Unknown();
        }
        Optional<Organisation> organisation = organisations.find(item.get().organisationUscc());
        Optional<VersionRecord> live = repository.versionInStatus(item.get().id(), VersionStatus.PUBLISHED);
        if (live.isPresent() && organisation.isPresent()) {
            return new Lookup.Live(toPublished(item.get(), live.get(), organisation.get()));
        }
        return repository.versionsOf(item.get().id()).stream()
                .filter(v -> v.status() == VersionStatus.WITHDRAWN)
                .findFirst()
                .<Lookup>map(v -> new Lookup.Withdrawn(
                        implementationCode,
                        v.name(),
                        organisation.map(Organisation::name).orElse(""),
                        v.endedAt(),
                        v.endReason()))
                .orElse(new Lookup.Unknown());
    }

    private PublishedItem toPublished(ItemRecord item, VersionRecord version, Organisation organisation) {
        return new PublishedItem(
                item.implementationCode(),
                item.baseCode(),
                version.name(),
                codes.itemType(item.baseCode()),
                organisation,
                item.divisionCode(),
                version.versionNo(),
                version.publishedAt(),
                version.status() == VersionStatus.PUBLISHED,
                version.endedAt(),
                version.guide());
    }
}
