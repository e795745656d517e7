package org.zhengwu.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import org.zhengwu.basedata.Division;
import org.zhengwu.basedata.Divisions;
import org.zhengwu.catalog.search.SearchIndex;
import org.zhengwu.shared.database.ReplicaReads;

/**
 * Searches the published catalogue. Results are cached briefly: the catalogue changes only when something is
 * published or withdrawn, which clears this node's cache at once and again once a read replica has replayed it (other
 * nodes within {@link #CACHE_TTL}).
 */
@Service
public class ItemSearch {

    static final Duration CACHE_TTL = Duration.ofSeconds(30);

    private final SearchIndex index;
    private final Divisions divisions;
    private final ReplicaReads replica;
    private final Cache<SearchQuery, SearchResult> results = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(CACHE_TTL)
            .build();
    // A query's total and facets, shared by its pages: counting every match is most of a search's work at province
    // scale (hundreds of milliseconds for a common word), and people page through the results of one.
    private final Cache<SearchQuery, SearchIndex.Counts> matchCounts = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(CACHE_TTL)
            .build();
    // The home page's and the directory's counts group the whole index (1.6 M rows at province scale): kept as long.
    private final Cache<String, Map<?, Long>> counts =
            Caffeine.newBuilder().maximumSize(10).expireAfterWrite(CACHE_TTL).build();

    ItemSearch(SearchIndex index, Divisions divisions, ReplicaReads replica) {
        this.index = index;
        this.divisions = divisions;
        this.replica = replica;
    }

    /**
     * Entries matching the query. A division filter keeps the entries that apply there: those implemented in the
     * division itself and in every division above it (a province's entries apply in all its cities).
     */
    public SearchResult search(SearchQuery query) {
        return results.get(query, q -> {
            List<String> applicable = q.division() == null ? null : applicableDivisions(q.division());
            SearchIndex.Counts counted = matchCounts.get(q.firstPage(), k -> count(q, applicable));
            return new SearchResult(counted.total(), q.page(), q.size(), index.page(q, applicable), counted.facets());
        });
    }

    /** A type chosen from the facets of a search just made is counted from that search's counts where they suffice. */
    private SearchIndex.Counts count(SearchQuery query, List<String> applicable) {
        if (query.type() != null && query.organisation() == null) {
            SearchIndex.Counts ofAnyType = matchCounts.getIfPresent(query.firstPageOfAnyType());
            if (ofAnyType != null) {
                var narrowed = SearchIndex.narrowedToType(ofAnyType, query.type());
                if (narrowed.isPresent()) {
                    return narrowed.get();
                }
            }
        }
        return index.counts(query, applicable);
    }

    public Map<String, Long> countByOrganisation() {
        return counted("organisation", index::countByOrganisation);
    }

    public Map<ServiceTheme, Long> countByTheme() {
        return counted("theme", index::countByTheme);
    }

    public Map<String, Long> countByDivision() {
        return counted("division", index::countByDivision);
    }

    @SuppressWarnings("unchecked")
    private <K> Map<K, Long> counted(String what, Supplier<Map<K, Long>> count) {
        return (Map<K, Long>) counts.get(what, w -> Collections.unmodifiableMap(count.get()));
    }

    private void evict() {
        results.invalidateAll();
        matchCounts.invalidateAll();
        counts.invalidateAll();
    }

    private List<String> applicableDivisions(String division) {
        return divisions.pathFromTop(division).stream().map(Division::code).toList();
    }

    @TransactionalEventListener
    void on(ItemPublished event) {
        replica.evict(this::evict);
    }

    @TransactionalEventListener
    void on(ItemWithdrawn event) {
        replica.evict(this::evict);
    }

    @TransactionalEventListener
    void on(ItemsReindexed event) {
        replica.evict(this::evict);
    }
}
