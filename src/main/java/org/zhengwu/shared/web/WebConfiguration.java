package org.zhengwu.shared.web;

import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final CookieLocaleResolver localeResolver = createLocaleResolver();

    /**
     * Pages are in Chinese unless the visitor chose English (the portal serves a Chinese province first); API callers
     * get their Accept-Language when we speak it.
     */
    private static CookieLocaleResolver createLocaleResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("ZHENGWU_LANG");
        resolver.setDefaultLocaleFunction(request -> {
            boolean api = ErrorResponses.isApiRequest(request.getRequestURI());
            String accept = request.getHeader("Accept-Language");
            if (api && accept != null && accept.toLowerCase(Locale.ROOT).startsWith("en")) {
                return Locale.ENGLISH;
            }
            return Locale.SIMPLIFIED_CHINESE;
        });
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        return resolver;
    }

    /**
     * Every template is an HTML page. Left alone, Thymeleaf takes the content type from the address, so that the
     * "page not found" page of {@code /x.css} would be sent as {@code text/css} and shown as source.
     */
    @Bean
    static BeanPostProcessor htmlTemplatesOnly() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof ThymeleafViewResolver resolver) {
                    resolver.setForceContentType(true);
                }
                return bean;
            }
        };
    }

    @Bean
    LocaleResolver localeResolver() {
        return localeResolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new DisplayPreferences(localeResolver))
                .excludePathPatterns("/api/**", "/css/**", "/js/**", "/webjars/**", "/bench/**");
    }
}
