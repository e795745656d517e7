package org.zhengwu.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * The design system's static files (styles, images) served from memory: they are small and never change while the
 * application runs, and reading them out of the packaged jar on every request is slow.
 */
@Configuration(proxyBeanMethods = false)
class StaticFiles implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/css/**", "/js/**", "/images/**", "/bench/**")
                .addResourceLocations(
                        "classpath:/static/css/",
                        "classpath:/static/js/",
                        "classpath:/static/images/",
                        "classpath:/static/bench/")
                .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .resourceChain(true)
                .addResolver(new InMemory());
    }

    /** Keeps each resolved file's bytes after the first read. */
    static final class InMemory implements ResourceResolver {

        private final Map<String, Resource> files = new ConcurrentHashMap<>();

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
            return chain.resolveUrlPath(resourcePath, locations);
        }

        private static Resource copy(Resource resource) {
            try {
                byte[] content = resource.getContentAsByteArray();
                String name = resource.getFilename();
                long modified = resource.lastModified();
                return new ByteArrayResource(content, name) {
                    @Override
                    public String getFilename() {
                        return name;
                    }

                    @Override
                    public long lastModified() {
                        return modified;
                    }
                };
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
