package org.zhengwu.catalog;

import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.zhengwu.basedata.OrganisationRenamed;
import org.zhengwu.basedata.Organisations;
import org.zhengwu.catalog.entry.ItemRecord;
import org.zhengwu.catalog.entry.ItemRepository;
import org.zhengwu.catalog.entry.VersionRecord;
import org.zhengwu.catalog.search.SearchIndex;

/**
 * Keeps the organisation names the catalogue holds itself — in its search index, for listing and finding entries —
 * in step with base data. Runs after the rename commits, in a transaction of its own; the publication registry
 * delivers it again should it fail.
 */
@Component
class OrganisationNames {

    private final Organisations organisations;
    private final ItemRepository repository;
    private final SearchIndex searchIndex;
    private final ApplicationEventPublisher events;

    OrganisationNames(
            Organisations organisations,
            ItemRepository repository,
            SearchIndex searchIndex,
            ApplicationEventPublisher events) {
        this.organisations = organisations;
        this.repository = repository;
        this.searchIndex = searchIndex;
        this.events = events;
    }

    @ApplicationModuleListener
    void on(OrganisationRenamed event) {
        // The name as it is now, should several renames be delivered late or out of order.
        organisations.find(event.uscc()).ifPresent(organisation -> {
            int entries = 0;
            for (Map.Entry<ItemRecord, VersionRecord> entry : repository.publishedEntriesOf(organisation.uscc())) {
                searchIndex.index(entry.getKey(), entry.getValue(), organisation);
                entries++;
            }
            events.publishEvent(new ItemsReindexed(organisation.uscc(), entries));
        });
    }
}
