package org.zhengwu.exchange.resource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.zhengwu.basedata.Organisations;
import org.zhengwu.exchange.ExchangeProperties;

/**
 * Registers the base libraries as published resources of the organisation {@code zhengwu.exchange.library-provider}
 * names (the province's data bureau), at each start, each library once: a library already in the catalogue (under any
 * provider) is left as it is, so its cataloguers' later edits stay. An unknown provider is reported and nothing is
 * registered.
 */
@Component
@org.springframework.core.annotation.Order(60)
@EnableConfigurationProperties(ExchangeProperties.class)
class LibraryRegistration implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LibraryRegistration.class);

    private final Resources resources;
    private final Organisations organisations;
    private final ExchangeProperties properties;

    LibraryRegistration(Resources resources, Organisations organisations, ExchangeProperties properties) {
        this.resources = resources;
        this.organisations = organisations;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        String provider = properties.libraryProvider();
        if (provider == null || provider.isBlank()) {
            return;
        }
        var organisation = organisations.find(provider.strip());
        if (organisation.isEmpty()) {
            log.warn(
                    "zhengwu.exchange.library-provider {} is no registered organisation: no base library registered",
                    provider);
            return;
        }
        for (LibraryResource library : LibraryResource.values()) {
            if (resources.registerLibrary(library, organisation.get())) {
                log.info("base library {} registered as resource {}", library.library(), library.code());
            }
        }
    }
}
