package org.zhengwu.portal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.zhengwu.basedata.OrganisationRenamed;
import org.zhengwu.catalog.CatalogCodes;
import org.zhengwu.catalog.ItemPublished;
import org.zhengwu.catalog.ItemWithdrawn;
import org.zhengwu.catalog.ItemsReindexed;
import org.zhengwu.shared.database.ReplicaReads;
import org.zhengwu.shared.web.DisplayMode;

/**
 * A micro-cache of the public pages as anonymous visitors see them — what a CDN in front of a portal does, kept in
 * the application so that every deployment has it. A page is the same for every anonymous visitor with the same
 * URL, language and display mode (it holds no form token and no personal data), so the rendered HTML is kept for
 * {@code zhengwu.portal.page-cache-ttl}. Publishing or withdrawing an entry, or renaming an organisation, clears this node's cache at once.
 * Signed-in users, other methods, errors and responses that set cookies are never cached.
 *
 * <p>Pages are kept gzip-compressed, as browsers take them: a search page of 12 KB is 3–4 KB, so the cache
 * ({@code zhengwu.portal.page-cache-size}) holds three to four times as many pages — the long tail of citizens'
 * searches, not only the few most frequent — and a browser's request is answered with the stored bytes instead of
 * being compressed again on every hit. A client that does not accept gzip gets the page inflated.
 */
@Component
@ConditionalOnBooleanProperty("zhengwu.portal.page-cache-enabled")
class AnonymousPageCache extends OncePerRequestFilter {

    /** A rendered page, its body gzip-compressed. */
    record Page(String contentType, String contentLanguage, byte[] gzipped, int length) {

        static Page of(String contentType, String contentLanguage, byte[] body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
            try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                gzip.write(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Page(contentType, contentLanguage, out.toByteArray(), body.length);
        }

        byte[] body() {
            try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
                return gzip.readNBytes(length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The pages themselves, apart from the filter so that they can listen to publishing. */
    @Component
    @ConditionalOnBooleanProperty("zhengwu.portal.page-cache-enabled")
    static class Pages {
        private final Cache<String, Page> cache;
        private final ReplicaReads replica;

        Pages(PortalSettings settings, ReplicaReads replica) {
            this.replica = replica;
            this.cache = Caffeine.newBuilder()
                    .maximumWeight(settings.pageCacheSize().toBytes())
                    .weigher((String key, Page page) -> key.length() * 2 + page.gzipped().length)
                    .expireAfterWrite(settings.pageCacheTtl())
                    .build();
        }

        Cache<String, Page> cache() {
            return cache;
        }

        @TransactionalEventListener
        void on(ItemPublished event) {
            replica.evict(cache::invalidateAll);
        }

        @TransactionalEventListener
        void on(ItemWithdrawn event) {
            replica.evict(cache::invalidateAll);
        }

        /** Pages name organisations: the department list at once, search results once they are indexed again. */
        @TransactionalEventListener
        void on(OrganisationRenamed event) {
            replica.evict(cache::invalidateAll);
        }

        @TransactionalEventListener
        void on(ItemsReindexed event) {
            replica.evict(cache::invalidateAll);
        }
    }

    private final LocaleResolver localeResolver;
    private final Cache<String, Page> pages;
    private final Pattern cacheable;

    AnonymousPageCache(LocaleResolver localeResolver, Pages pages, CatalogCodes codes) {
        this.localeResolver = localeResolver;
        this.pages = pages.cache();
        this.cacheable = cacheablePaths(codes);
    }

    /** The public pages, a guide's address being as long as the configured layout makes an implementation code. */
    static Pattern cacheablePaths(CatalogCodes codes) {
        return Pattern.compile("/|/search|/themes|/departments|/regions/[0-9]{6}|/items/[0-9A-Z]{"
                + codes.implementationCodeLength() + "}");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"GET".equals(request.getMethod())
                || !cacheable.matcher(path).matches()
                || request.getParameter("lang") != null
                || request.getParameter("care") != null
                || signedIn();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = key(request);
        boolean gzip = acceptsGzip(request.getHeader("Accept-Encoding"));
        Page cached = pages.getIfPresent(key);
        if (cached != null) {
            response.setContentType(cached.contentType());
            if (cached.contentLanguage() != null) {
                response.setHeader("Content-Language", cached.contentLanguage());
            }
            write(cached, gzip, response);
            return;
        }
        ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, capture);
        String contentType = capture.getContentType();
        if (capture.getStatus() == HttpServletResponse.SC_OK
                && contentType != null
                && contentType.startsWith("text/html")
                && !capture.containsHeader("Set-Cookie")) {
            Page page = Page.of(contentType, capture.getLocale().toLanguageTag(), capture.getContentAsByteArray());
            pages.put(key, page);
            if (gzip) {
                capture.resetBuffer();
                write(page, true, response);
                return;
            }
        }
        capture.copyBodyToResponse();
    }

    /** The page as the client takes it; the container leaves a body that is already gzip alone. */
    private static void write(Page page, boolean gzip, HttpServletResponse response) throws IOException {
        response.addHeader("Vary", "Accept-Encoding");
        if (gzip) {
            response.setHeader("Content-Encoding", "gzip");
            response.setContentLength(page.gzipped().length);
            response.getOutputStream().write(page.gzipped());
        } else {
            byte[] body = page.body();
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    /** Whether {@code Accept-Encoding} lists gzip with a weight above zero (RFC 9110 §12.5.3). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            if (!parts[0].trim().equalsIgnoreCase("gzip")) {
                continue;
            }
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim();
                if (parameter.length() > 2 && parameter.substring(0, 2).equalsIgnoreCase("q=")) {
                    try {
                        return Double.parseDouble(parameter.substring(2).trim()) > 0;
                    } catch (NumberFormatException e) {
                        return false;
                    }
                }
            }
            return true;
        }
        return false;
    }

    /** The URL with its query, and the display the page is rendered in: language and elder-friendly mode. */
    private String key(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query) + "|"
                + DisplayMode.variant(request, localeResolver.resolveLocale(request));
    }

    private static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
