package org.zhengwu.catalog;

import org.zhengwu.catalog.search.SearchTerms;

/**
 * A search of the published catalogue. Every filter is optional (null = any).
 *
 * @param text           words to find, Chinese or not; blank lists everything that matches the filters
 * @param type           事项类型
 * @param organisation   implementing organisation's 统一社会信用代码
 * @param division       region the entries must apply in (its own entries and those of the regions above it)
 * @param serviceObject  服务对象
 * @param minOnlineLevel at least this level of 网上办理深度 (Ⅰ–Ⅳ)
 * @param theme          服务主题
 * @param page           1-based page number
 * @param size           entries per page, 1 to {@link #MAX_SIZE}
 */
public record SearchQuery(
        String text,
        ItemType type,
        String organisation,
        String division,
        ServiceObject serviceObject,
        OnlineLevel minOnlineLevel,
        ServiceTheme theme,
        int page,
        int size) {

    public static final int MAX_TEXT_LENGTH = 100;
    public static final int MAX_SIZE = 50;
    public static final int DEFAULT_SIZE = 10;

    public SearchQuery {
        if (page < 1) {
            throw new IllegalArgumentException("page starts at 1");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be 1.." + MAX_SIZE);
        }
        if (text != null && text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("text longer than " + MAX_TEXT_LENGTH);
        }
    }

    public static SearchQuery text(String text) {
        return new SearchQuery(text, null, null, null, null, null, null, 1, DEFAULT_SIZE);
    }

    /** The same query's first page: what its total and facets, the same for every page, are kept under. */
    public SearchQuery firstPage() {
        return page == 1
                ? this
                : new SearchQuery(text, type, organisation, division, serviceObject, minOnlineLevel, theme, 1, size);
    }

    /** The same query's first page with no type chosen: the search a type facet narrows. */
    public SearchQuery firstPageOfAnyType() {
        return new SearchQuery(text, null, organisation, division, serviceObject, minOnlineLevel, theme, 1, size);
    }

    public long offset() {
        return (long) (page - 1) * size;
    }

    /**
     * True when words were given but none can be searched for — only punctuation or symbols. Such a query finds
     * nothing, rather than everything as a blank one does.
     */
    public boolean hasUnsearchableText() {
        return text != null && !text.isBlank() && SearchTerms.ofQuery(text).isEmpty();
    }
}
