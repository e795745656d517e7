package org.zhengwu.catalog.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.basedata.ExerciseLevel;
import org.zhengwu.basedata.Organisation;
import org.zhengwu.catalog.CatalogCodes;
import org.zhengwu.catalog.Guide;
import org.zhengwu.catalog.ItemSummary;
import org.zhengwu.catalog.ItemType;
import org.zhengwu.catalog.LimitUnit;
import org.zhengwu.catalog.OnlineLevel;
import org.zhengwu.catalog.SearchQuery;
import org.zhengwu.catalog.SearchResult;
import org.zhengwu.catalog.ServiceObject;
import org.zhengwu.catalog.ServiceTheme;
import org.zhengwu.catalog.entry.ItemRecord;
import org.zhengwu.catalog.entry.VersionRecord;
import org.zhengwu.shared.codes.CodeTable;

/**
 * The search index of published entries: one row per live entry, kept in step with publishing in the same
 * transaction. Queries combine fixed SQL fragments chosen by which filters are set; every value is a bind parameter.
 */
@Repository
public class SearchIndex {

    private static final Locale INDEX_LANGUAGE = Locale.SIMPLIFIED_CHINESE;

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final CatalogCodes codes;

    SearchIndex(JdbcClient jdbc, MessageSource messages, CatalogCodes codes) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.codes = codes;
    }

    /** Makes {@code version} the searchable one of its entry. */
    public void index(ItemRecord item, VersionRecord version, Organisation organisation) {
        Guide guide = version.guide();
        Map<String, Object> p = new HashMap<>();
        p.put("item", item.id());
        p.put("version", version.id());
        p.put("code", item.implementationCode());
        p.put("name", version.name());
        p.put("type", typeOf(item).code());
        p.put("uscc", organisation.uscc());
        p.put("organisation", organisation.name());
        p.put("division", item.divisionCode());
        p.put("level", item.exerciseLevel().code());
        p.put("depth", Integer.parseInt(guide.onlineLevel().code()));
        p.put("visits", guide.visits());
        // Nobody applies for a 处罚, 强制 or 检查, whatever its guide says about channels and depths.
        p.put("online", guide.onlineApplication() && !typeOf(item).enforcement());
        p.put(
                "objects",
                guide.serviceObjects().stream()
                        .map(ServiceObject::code)
                        .sorted()
                        .toArray(String[]::new));
        p.put("themes", guide.themes().stream().map(ServiceTheme::code).sorted().toArray(String[]::new));
        p.put("result", guide.resultName());
        p.put("promisedValue", guide.promisedLimit().value());
        p.put("promisedUnit", guide.promisedLimit().unit().code());
        p.put("nameTerms", SearchTerms.ofDocument(version.name()).toArray(String[]::new));
        p.put(
                "terms",
                documentTerms(
                                version.name(),
                                guide,
                                typeOf(item),
                                organisation.name(),
                                item.implementationCode(),
                                item.baseCode(),
                                messages)
                        .toArray(String[]::new));
        jdbc.sql("DELETE FROM catalog_search_entry WHERE item_id = :item")
                .param("item", item.id())
                .update();
        jdbc.sql("""
                        INSERT INTO catalog_search_entry (item_id, version_id, implementation_code, name, item_type,
                            organisation_uscc, organisation_name, division_code, exercise_level, online_level, visits,
                            online_application, service_objects, themes, result_name, promised_value, promised_unit,
                            name_terms, terms)
                        VALUES (:item, :version, :code, :name, :type, :uscc, :organisation, :division, :level, :depth,
                            :visits, :online, :objects, :themes, :result, :promisedValue, :promisedUnit, :nameTerms, :terms)""").params(p).update();
    }

    public void remove(long itemId) {
        jdbc.sql("DELETE FROM catalog_search_entry WHERE item_id = :item")
                .param("item", itemId)
                .update();
    }

    /**
     * The requested page of the entries matching the query, best first: the exact name, then names containing the
     * words, then names holding all their terms, then entries whose result (结果名称) is or contains them, then entries
     * that mention them anywhere; shorter names first within each rank. A page that lies among the entries ranked by
     * their name is taken from the names first (a province's 1.6 M entries carry a few thousand names). The total and
     * the facets come from {@link #counts}.
     *
     * @param divisions the codes an entry's region must be one of (the chosen region and those above it), or null
     */
    @Transactional(readOnly = true)
    public List<ItemSummary> page(SearchQuery query, Collection<String> divisions) {
        if (query.hasUnsearchableText()) {
            return List.of();
        }
        Filter filter = new Filter(query, divisions);
        setUpFor(filter, false);
        Map<String, Object> p = pageParameters(filter, query);
        List<ItemSummary> rows = filter.namesHoldTheText() ? firstByName(filter, p) : List.of();
        return rows.size() < query.size() ? everyMatchRanked(filter, p) : rows;
    }

    /**
     * How many entries match {@link #page}'s query (the same for every page of it), and the facets: how many matches
     * each type and each organisation has when the query's own filter on that dimension is left out. The organisations
     * are counted only over at most {@link #ORGANISATION_FACET_MAX_MATCHES} matches ({@link SearchResult.Facets}).
     */
    @Transactional(readOnly = true)
    public Counts counts(SearchQuery query, Collection<String> divisions) {
        return counts(query, divisions, ORGANISATION_FACET_MAX_MATCHES);
    }

    /** As {@link #counts(SearchQuery, Collection)}, with another limit on the organisations' facet. For tests. */
    @Transactional(readOnly = true)
    Counts counts(SearchQuery query, Collection<String> divisions, long organisationFacetMaxMatches) {
        if (query.hasUnsearchableText()) {
            return new Counts(0, new SearchResult.Facets(Map.of(), List.of()));
        }
        setUpFor(new Filter(query, divisions), true);
        return countMatches(query, divisions, organisationFacetMaxMatches);
    }

    /**
     * The terms of a row live out of line (V41): a sequential scan would read them back for every row of the table
     * (16 s for a common word at 1.6 M entries), the GIN index's bitmap never does, as long as the bitmap is exact —
     * which half a million matches need more than the default 4 MB of work_mem for. Counting groups a handful of types:
     * hashed, not sorted — misled by the GIN index's estimate of a few rows, the planner sorted ten thousand matches to
     * group them (7–10 ms against 5 ms at province scale). Set for the transaction.
     */
    private void setUpFor(Filter filter, boolean counting) {
        jdbc.sql("SELECT set_config('work_mem', :workMem, true), set_config('enable_seqscan', :seqscan, true),"
                        + " set_config('enable_sort', :sort, true)")
                .param("workMem", SEARCH_WORK_MEM)
                .param("seqscan", filter.terms.isEmpty() ? "on" : "off")
                .param("sort", counting ? "off" : "on")
                .query((rs, n) -> n)
                .list();
    }

    private static Map<String, Object> pageParameters(Filter filter, SearchQuery query) {
        Map<String, Object> p = new HashMap<>(filter.parameters);
        if (!filter.terms.isEmpty()) {
            p.put("text", filter.text);
        }
        p.put("limit", query.size());
        p.put("offset", query.offset());
        p.put("needed", query.offset() + query.size());
        return p;
    }

    private List<ItemSummary> everyMatchRanked(Filter filter, Map<String, Object> parameters) {
        String order = filter.terms.isEmpty() ? "ORDER BY name, implementation_code" : """
                ORDER BY CASE WHEN lower(name) = :text THEN 0
                              WHEN strpos(lower(name), :text) > 0 THEN 1
                              WHEN name_terms @> CAST(:terms AS TEXT[]) THEN 2
                              WHEN lower(result_name) = :text THEN 3
                              WHEN strpos(lower(result_name), :text) > 0 THEN 4
                              ELSE 5 END,
                         char_length(name), name, implementation_code""";
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM catalog_search_entry" + filter.where + " " + order
                        + " LIMIT :limit OFFSET :offset")
                .params(parameters)
                .query(SearchIndex::mapRow)
                .list();
    }

    /** The page as {@link #page} takes it from the names when it can; empty when it cannot. For tests. */
    List<ItemSummary> pageFromNames(SearchQuery query, Collection<String> divisions) {
        Filter filter = new Filter(query, divisions);
        List<ItemSummary> rows =
                filter.namesHoldTheText() ? firstByName(filter, pageParameters(filter, query)) : List.of();
        return rows.size() < query.size() ? List.of() : rows;
    }

    private static final String SUMMARY_COLUMNS = """
            implementation_code, name, item_type, organisation_uscc, organisation_name, division_code, exercise_level,
            online_level, visits, online_application, result_name, promised_value, promised_unit""";

    /**
     * The page when it lies among the entries ranked by their name (ranks 0–2 above): those of the names whose terms
     * hold the query's — a few names, at province scale each carried by thousands of entries — taking of each name
     * only its first entries by code (catalog_search_name_idx), as many as the page needs. Such an entry matches the
     * query whatever else it holds (its name's terms are among its terms), so only the other filters are checked — and
     * its own name's terms, in the row, should a name's row and its entries ever disagree.
     * Fewer rows than a page means the page reaches past these entries: the caller ranks every match instead.
     */
    private List<ItemSummary> firstByName(Filter filter, Map<String, Object> parameters) {
        return jdbc.sql("""
                         SELECT e.* FROM (SELECT name,
                                      CASE WHEN lower(name) = :text THEN 0
                                           WHEN strpos(lower(name), :text) > 0 THEN 1
                                           ELSE 2 END AS name_rank
                               FROM catalog_search_name WHERE name_terms @> CAST(:terms AS TEXT[])) AS n
                         CROSS JOIN LATERAL (SELECT""" + " " + SUMMARY_COLUMNS + " FROM catalog_search_entry" + filter.whereBesidesTerms + """
                           AND name = n.name AND name_terms @> CAST(:terms AS TEXT[])
                           ORDER BY implementation_code LIMIT :needed) AS e
                         ORDER BY n.name_rank, char_length(n.name), n.name, e.implementation_code
                         LIMIT :limit OFFSET :offset""")
                .params(parameters)
                .query(SearchIndex::mapRow)
                .list();
    }

    /** How many entries match a query, and the facets. */
    public record Counts(long total, SearchResult.Facets facets) {}

    /**
     * The counts of a query narrowed to {@code type}, from those of the same query of any type ({@link
     * SearchQuery#firstPageOfAnyType}) with no organisation chosen, when they follow from those alone: the type facet
     * leaves the type out, so it is the same; the total is that type's count; and the organisations are not counted
     * over more than {@link #ORGANISATION_FACET_MAX_MATCHES} matches of the type. Empty when the organisations of the
     * type would be counted — that takes the query. Clicking a type after searching a common word at province scale
     * then costs no second pass over half a million matches.
     */
    public static Optional<Counts> narrowedToType(Counts ofAnyType, ItemType type) {
        return narrowedToType(ofAnyType, type, ORGANISATION_FACET_MAX_MATCHES);
    }

    static Optional<Counts> narrowedToType(Counts ofAnyType, ItemType type, long organisationFacetMaxMatches) {
        long ofType = ofAnyType.facets().types().getOrDefault(type, 0L);
        if (ofType <= organisationFacetMaxMatches) {
            return Optional.empty();
        }
        return Optional.of(
                new Counts(ofType, new SearchResult.Facets(ofAnyType.facets().types(), List.of(), false)));
    }

    /**
     * The total and the type facet in one pass over the matches, with every filter but type and organisation in the
     * WHERE clause: per type, every match and those of the chosen organisation (the type facet counts the latter, the
     * total is the chosen type's or all types'). Then the organisation facet over the matches of the chosen type, when
     * they are few enough: grouping by organisation is what costs (30 ms for the 10,789 matches of a long-tail query at
     * province scale, against 5 ms for the types alone), and the matches it groups are already counted, so it is
     * skipped rather than run on too many.
     */
    private Counts countMatches(SearchQuery query, Collection<String> divisions, long organisationFacetMaxMatches) {
        Filter base = new Filter(query, divisions, Facet.TYPE, Facet.ORGANISATION);
        Map<String, Object> p = new HashMap<>(base.parameters);
        String ofChosenOrganisation = "count(*)";
        if (query.organisation() != null) {
            ofChosenOrganisation = "count(*) FILTER (WHERE organisation_uscc = :uscc)";
            p.put("uscc", query.organisation());
        }
        Map<ItemType, Long> types = new EnumMap<>(ItemType.class);
        Map<ItemType, Long> ofEveryOrganisation = new EnumMap<>(ItemType.class);
        jdbc.sql(typeCountSql(base, ofChosenOrganisation))
                .params(p)
                .query((rs, n) -> {
                    ItemType type = CodeTable.requireCode(ItemType.class, rs.getString("item_type"));
                    ofEveryOrganisation.put(type, rs.getLong("every_organisation"));
                    if (rs.getLong("n") > 0) {
                        types.put(type, rs.getLong("n"));
                    }
                    return type;
                })
                .list();
        long total = query.type() == null
                ? types.values().stream().mapToLong(Long::longValue).sum()
                : types.getOrDefault(query.type(), 0L);
        long organisationFacetMatches = query.type() == null
                ? ofEveryOrganisation.values().stream()
                        .mapToLong(Long::longValue)
                        .sum()
                : ofEveryOrganisation.getOrDefault(query.type(), 0L);
        if (organisationFacetMatches > organisationFacetMaxMatches) {
            return new Counts(total, new SearchResult.Facets(types, List.of(), false));
        }
        String ofChosenType = "";
        if (query.type() != null) {
            ofChosenType = " AND item_type = :type";
            p.put("type", query.type().code());
        }
        p.put("facetLimit", MAX_ORGANISATION_FACETS);
        List<SearchResult.OrganisationCount> organisations = jdbc.sql("SELECT organisation_uscc, organisation_name,"
                        + " count(*) AS n FROM catalog_search_entry" + base.where + ofChosenType
                        + " GROUP BY organisation_uscc, organisation_name ORDER BY n DESC, organisation_name LIMIT"
                        + " :facetLimit")
                .params(p)
                .query((rs, n) -> new SearchResult.OrganisationCount(
                        rs.getString("organisation_uscc"), rs.getString("organisation_name"), rs.getLong("n")))
                .list();
        return new Counts(total, new SearchResult.Facets(types, organisations, true));
    }

    private static String typeCountSql(Filter base, String ofChosenOrganisation) {
        return "SELECT item_type, count(*) AS every_organisation, " + ofChosenOrganisation + " AS n"
                + " FROM catalog_search_entry" + base.where + " GROUP BY item_type";
    }

    /** PostgreSQL's plan of the counting pass of a query with no organisation chosen, as EXPLAIN prints it. For tests. */
    @Transactional(readOnly = true)
    List<String> countingPlan(SearchQuery query, Collection<String> divisions) {
        Filter base = new Filter(query, divisions, Facet.TYPE, Facet.ORGANISATION);
        setUpFor(base, true);
        return jdbc.sql("EXPLAIN " + typeCountSql(base, "count(*)"))
                .params(base.parameters)
                .query(String.class)
                .list();
    }

    /**
     * Above this many matches (of the chosen type, in the chosen region), the organisations are not counted: a region
     * — a county with its prefecture and the province, a few hundred entries at province scale — keeps a query well
     * below it; across the province a name's entries alone are ten thousand.
     */
    public static final long ORGANISATION_FACET_MAX_MATCHES = 2_000;

    static final int MAX_ORGANISATION_FACETS = 50;

    /** Enough for an exact bitmap of a million matches. */
    static final String SEARCH_WORK_MEM = "32MB";

    /**
     * The region condition of a query with terms, on the terms index's second column (V46): a condition of the same
     * index scan as the terms', so that a search in a region reads only the region's matches. The planner would not
     * combine the division index with the terms' bitmap, whose rows it estimates at one or two.
     */
    private static final String REGION_IN_THE_TERMS_INDEX =
            "ARRAY[CAST(division_code AS TEXT)] && CAST(:regions AS TEXT[])";

    /** A dimension whose own filter a facet count leaves out. */
    private enum Facet {
        TYPE,
        ORGANISATION
    }

    /**
     * The WHERE clause of a query: fixed SQL fragments for the filters that are set, every value a bind parameter.
     */
    private static final class Filter {
        final String text;
        final List<String> terms;
        final String where;
        /** The same without the terms. */
        final String whereBesidesTerms;
        /**
         * An organisation implements an item once or twice: its entries of a name are found through its own index,
         * not among the name's thousands of entries, so such a page does not come from the names.
         */
        final boolean organisationChosen;
        /**
         * In a region the terms index reads only the region's matches (V46): a few thousand at most, ranked faster than
         * each name's entries across the province are walked in code order for the region's few.
         */
        final boolean regionChosen;

        final Map<String, Object> parameters = new HashMap<>();

        Filter(SearchQuery query, Collection<String> divisions, Facet... leaveOut) {
            List<Facet> left = List.of(leaveOut);
            text = SearchTerms.normalise(query.text());
            terms = SearchTerms.ofQuery(text);
            StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
            if (query.type() != null && !left.contains(Facet.TYPE)) {
                sql.append(" AND item_type = :type");
                parameters.put("type", query.type().code());
            }
            organisationChosen = query.organisation() != null && !left.contains(Facet.ORGANISATION);
            regionChosen = divisions != null;
            if (organisationChosen) {
                sql.append(" AND organisation_uscc = :uscc");
                parameters.put("uscc", query.organisation());
            }
            if (query.serviceObject() != null) {
                sql.append(" AND service_objects @> CAST(:objects AS TEXT[])");
                parameters.put("objects", new String[] {query.serviceObject().code()});
            }
            if (query.minOnlineLevel() != null) {
                sql.append(" AND online_level >= :depth");
                parameters.put("depth", Integer.parseInt(query.minOnlineLevel().code()));
            }
            if (query.theme() != null) {
                sql.append(" AND themes @> CAST(:themes AS TEXT[])");
                parameters.put("themes", new String[] {query.theme().code()});
            }
            String others = sql.toString();
            whereBesidesTerms = divisions == null ? others : others + " AND division_code IN (:divisions)";
            if (divisions != null) {
                parameters.put("divisions", divisions.isEmpty() ? List.of("") : divisions);
            }
            if (terms.isEmpty()) {
                where = whereBesidesTerms;
            } else {
                // With terms, the region only as the terms index's condition: beside it, division_code IN would let
                // the planner take a small region's rows from the division index and read each one's terms back.
                where = others + " AND terms @> CAST(:terms AS TEXT[])"
                        + (divisions == null ? "" : " AND " + REGION_IN_THE_TERMS_INDEX);
                parameters.put("terms", terms.toArray(String[]::new));
                if (divisions != null) {
                    parameters.put("regions", divisions.toArray(String[]::new));
                }
            }
        }

        /**
         * Whether an entry whose name contains the query's text has a name whose terms hold the query's, so that the
         * names' terms find every entry ranked by its name: true of Chinese text (its terms are its character pairs,
         * which any name containing it has), not of a word of letters or digits (说明ab is in 说明abc, but the word ab is
         * not among its terms). False too when an organisation or a region is chosen, whose entries are found without
         * the names.
         */
        boolean namesHoldTheText() {
            return !terms.isEmpty()
                    && !organisationChosen
                    && !regionChosen
                    && terms.stream()
                            .allMatch(t -> t.codePoints()
                                    .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
        }
    }

    /** How many live entries each organisation implements. */
    public Map<String, Long> countByOrganisation() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT organisation_uscc, count(*) AS n FROM catalog_search_entry GROUP BY organisation_uscc")
                .query((rs, n) -> counts.put(rs.getString("organisation_uscc"), rs.getLong("n")))
                .list();
        return counts;
    }

    /** How many live entries carry each theme. */
    public Map<ServiceTheme, Long> countByTheme() {
        Map<ServiceTheme, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT theme, count(*) AS n FROM catalog_search_entry, unnest(themes) AS theme GROUP BY theme")
                .query((rs, n) -> {
                    long count = rs.getLong("n");
                    CodeTable.fromCode(ServiceTheme.class, rs.getString("theme"))
                            .ifPresent(t -> counts.put(t, count));
                    return count;
                })
                .list();
        return counts;
    }

    /** How many live entries were implemented in each division. */
    public Map<String, Long> countByDivision() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT division_code, count(*) AS n FROM catalog_search_entry GROUP BY division_code")
                .query((rs, n) -> counts.put(rs.getString("division_code"), rs.getLong("n")))
                .list();
        return counts;
    }

    private ItemType typeOf(ItemRecord item) {
        return codes.itemType(item.baseCode());
    }

    /**
     * The terms the index holds for an entry: those of its name, result, organisation, conditions, legal basis,
     * codes, type, violation, materials, steps, questions and themes. Public for the province-scale generator
     * (bench/ProvinceCatalogue.java), which computes the terms of generated entries by this same method.
     */
    public static Set<String> documentTerms(
            String name,
            Guide guide,
            ItemType type,
            String organisationName,
            String implementationCode,
            String baseCode,
            MessageSource messages) {
        // A 处罚, 强制 or 检查 has no 受理条件: leave out what a guide does not have.
        List<String> texts = new ArrayList<>(Stream.of(
                        name,
                        guide.resultName(),
                        organisationName,
                        guide.conditions(),
                        guide.legalBasis(),
                        implementationCode,
                        baseCode,
                        label(type, messages),
                        guide.penalty() == null ? null : guide.penalty().violation())
                .filter(Objects::nonNull)
                .toList());
        guide.materials().forEach(m -> texts.add(m.name()));
        guide.steps().forEach(s -> texts.add(s.name() + " " + (s.description() == null ? "" : s.description())));
        guide.faqs().forEach(f -> texts.add(f.question() + " " + f.answer()));
        guide.themes().forEach(t -> texts.add(label(t, messages)));
        return SearchTerms.ofDocument(texts.toArray(String[]::new));
    }

    private static String label(CodeTable value, MessageSource messages) {
        return messages.getMessage(value.messageKey(), null, "", INDEX_LANGUAGE);
    }

    private static ItemSummary mapRow(ResultSet rs, int n) throws SQLException {
        return new ItemSummary(
                rs.getString("implementation_code"),
                rs.getString("name"),
                CodeTable.requireCode(ItemType.class, rs.getString("item_type")),
                rs.getString("organisation_uscc"),
                rs.getString("organisation_name"),
                rs.getString("division_code"),
                CodeTable.requireCode(ExerciseLevel.class, rs.getString("exercise_level")),
                CodeTable.requireCode(OnlineLevel.class, Integer.toString(rs.getInt("online_level"))),
                rs.getInt("visits"),
                rs.getBoolean("online_application"),
                rs.getString("result_name"),
                new Guide.TimeLimit(
                        rs.getInt("promised_value"),
                        CodeTable.requireCode(LimitUnit.class, rs.getString("promised_unit")),
                        null));
    }
}
