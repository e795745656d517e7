package org.zhengwu.portal;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.HttpResource;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.ResourceUrlProviderExposingInterceptor;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The design system's static files (styles, scripts) and the web jars (htmx), served from memory under addresses
 * that carry a hash of their content: {@code @{/css/zhengwu.css}} in a template becomes
 * {@code /css/zhengwu-<md5>.css}, {@code @{/webjars/htmx.org/dist/htmx.min.js}} becomes
 * {@code /webjars/htmx.org/<version>/dist/htmx.min-<md5>.js}. A file under its hashed address never changes, so
 * browsers and proxies keep it for a year without asking again; the plain address still answers, with a short
 * lifetime. Only these handlers exist (Spring Boot's catch-all handler is off, see application.yml), so a link to
 * anything else is never looked up on the classpath while a page renders.
 */
@Configuration(proxyBeanMethods = false)
class StaticFiles implements WebMvcConfigurer {

    static final String IMMUTABLE =
            CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable().getHeaderValue();
    private static final CacheControl UNVERSIONED =
            CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        fingerprinted(registry, "/css/**", "classpath:/static/css/");
        fingerprinted(registry, "/js/**", "classpath:/static/js/");
        // Without a version in the template: the web jar's version is found in the jar (webjars-locator-lite).
        fingerprinted(registry, "/webjars/**", "classpath:/META-INF/resources/webjars/");
    }

    private static void fingerprinted(ResourceHandlerRegistry registry, String pattern, String location) {
        registry.addResourceHandler(pattern)
                .addResourceLocations(location)
                .setCacheControl(UNVERSIONED)
                .resourceChain(false)
                .addResolver(new InMemory())
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
    }

    /**
     * Rewrites {@code @{...}} links to static files to their hashed addresses — on every page, including pages rendered
     * without a matched handler (404s, errors), to which Spring MVC's interceptor does not expose the URL provider.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter(
            ObjectProvider<ResourceUrlProvider> urls) {
        ResourceUrlEncodingFilter filter = new ResourceUrlEncodingFilter() {
            @Override
            public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                    throws IOException, ServletException {
                super.doFilter(request, response, (wrappedRequest, wrappedResponse) -> {
                    wrappedRequest.setAttribute(
                            ResourceUrlProviderExposingInterceptor.RESOURCE_URL_PROVIDER_ATTR, urls.getObject());
                    chain.doFilter(wrappedRequest, wrappedResponse);
                });
            }
        };
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    /** The 1 KiB reference file of the benchmarks (bench/portal.sh); a production deployment does not serve it. */
    @Configuration(proxyBeanMethods = false)
    @Profile("!production")
    static class BenchmarkFile implements WebMvcConfigurer {

        @Override
        public void addResourceHandlers(ResourceHandlerRegistry registry) {
            registry.addResourceHandler("/bench/**")
                    .addResourceLocations("classpath:/static/bench/")
                    .setCacheControl(UNVERSIONED)
                    .resourceChain(false)
                    .addResolver(new InMemory());
        }
    }

    /**
     * Keeps each resolved file's bytes after the first read, and each hashed address once computed (hashing reads the
     * whole file). A file asked for under its hashed address is marked immutable.
     */
    static final class InMemory implements ResourceResolver {

        private final Map<String, Resource> files = new ConcurrentHashMap<>();
        private final Map<String, String> urlPaths = new ConcurrentHashMap<>();

        @Override
        public Resource resolveResource(
                HttpServletRequest request,
                String requestPath,
                List<? extends Resource> locations,
                ResourceResolverChain chain) {
            Resource cached = files.get(requestPath);
            if (cached != null) {
                return cached;
            }
            Resource resolved = chain.resolveResource(request, requestPath, locations);
            if (resolved == null) {
                return null;
            }
            Resource inMemory = copy(resolved);
            files.put(requestPath, inMemory);
            return inMemory;
        }

        @Override
        public String resolveUrlPath(
                String resourcePath, List<? extends Resource> locations, ResourceResolverChain chain) {
            String cached = urlPaths.get(resourcePath);
            if (cached != null) {
                return cached;
            }
            String resolved = chain.resolveUrlPath(resourcePath, locations);
            if (resolved != null) {
                urlPaths.put(resourcePath, resolved);
            }
            return resolved;
        }

        /**
         * The version resolver answers a hashed address with an {@link HttpResource} (its ETag is the hash); the
         * plain address with the file itself.
         */
        private static Resource copy(Resource resource) {
            try {
                byte[] content = resource.getContentAsByteArray();
                String name = resource.getFilename();
                long modified = resource.lastModified();
                if (resource instanceof HttpResource versioned) {
                    HttpHeaders headers = new HttpHeaders();
                    headers.addAll(versioned.getResponseHeaders());
                    headers.setCacheControl(IMMUTABLE);
                    return new Versioned(content, name, modified, headers);
                }
                return new InMemoryFile(content, name, modified);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static class InMemoryFile extends ByteArrayResource {

        private final String name;
        private final long modified;

        InMemoryFile(byte[] content, String name, long modified) {
            super(content, name);
            this.name = name;
            this.modified = modified;
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public long lastModified() {
            return modified;
        }
    }

    private static final class Versioned extends InMemoryFile implements HttpResource {

        private final HttpHeaders headers;

        Versioned(byte[] content, String name, long modified, HttpHeaders headers) {
            super(content, name, modified);
            this.headers = headers;
        }

        @Override
        public HttpHeaders getResponseHeaders() {
            return headers;
        }
    }
}
