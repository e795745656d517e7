package org.zhengwu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengwu.catalog.entry.BaseItemRecord;
import org.zhengwu.catalog.entry.CatalogEditing;
import org.zhengwu.catalog.entry.ItemRepository;
import org.zhengwu.catalog.entry.VersionRecord;
import org.zhengwu.support.ZhengwuTest;

/** Publishing an entry tells every listener of {@link ItemPublished}, and leaves nothing in the registry once they are done. */
@ZhengwuTest
class ItemEventPublicationTests {

    @Autowired
    CatalogEditing editing;

    @Autowired
    ItemRepository repository;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theEventOfAPublishedEntryIsGoneFromTheRegistryOnceEveryListenerHasFinished() {
        BaseItemRecord base = editing.createBaseItem(
                "事件测试" + UUID.randomUUID().toString().substring(0, 8), ItemType.LICENSING, null, "editor-a");
        VersionRecord draft = editing.createEntry(
                base.baseCode(), CatalogLifecycleTests.HEFEI_MARKET, null, GuideRulesTests.valid(), "editor-a");
        editing.submit(draft.id(), "editor-a");
        editing.approve(draft.id(), "reviewer-b");
        String code = repository.findItem(draft.itemId()).orElseThrow().implementationCode();

        List<String> whilePublishing = new TransactionTemplate(transactions).execute(status -> {
            editing.publish(draft.id(), "reviewer-b");
            return listenersOf(code);
        });

        assertThat(whilePublishing)
                .as("one publication per listener, stored with the publishing transaction")
                .contains(
                        "org.zhengwu.catalog.PublishedCatalog.on(org.zhengwu.catalog.ItemPublished)",
                        "org.zhengwu.catalog.ItemSearch.on(org.zhengwu.catalog.ItemPublished)")
                .anyMatch(listener -> listener.startsWith("org.zhengwu.portal."));
        assertThat(listenersOf(code)).isEmpty();
    }

    private List<String> listenersOf(String implementationCode) {
        return jdbc.sql("""
                        SELECT listener_id FROM event_publication
                        WHERE event_type = :type AND strpos(serialized_event, :code) > 0 ORDER BY listener_id""")
                .param("type", ItemPublished.class.getName())
                .param("code", implementationCode)
                .query(String.class)
                .list();
    }
}
