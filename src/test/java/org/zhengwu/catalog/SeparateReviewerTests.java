package org.zhengwu.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.zhengwu.catalog.entry.BaseItemRecord;
import org.zhengwu.catalog.entry.CatalogConflictException;
import org.zhengwu.catalog.entry.CatalogEditing;
import org.zhengwu.catalog.entry.ItemRepository;
import org.zhengwu.catalog.entry.VersionRecord;
import org.zhengwu.catalog.entry.VersionStatus;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.ZhengwuTest;

/** Four eyes, as the production profile sets it: nobody approves a version they wrote or submitted. */
@ZhengwuTest
@TestPropertySource(properties = "zhengwu.catalog.separate-reviewer=true")
class SeparateReviewerTests {

    static final String HEFEI_MARKET = "11340100662167280R";

    @Autowired
    CatalogEditing editing;

    @Autowired
    ItemRepository repository;

    @Autowired
    StaffAccounts accounts;

    @LocalServerPort
    int port;

    BaseItemRecord base;

    @BeforeEach
    void baseItem() {
        base = editing.createBaseItem(
                "四眼审核" + UUID.randomUUID().toString().substring(0, 8), ItemType.LICENSING, null, "editor-a");
    }

    private VersionRecord inReview(String author, String submitter) {
        VersionRecord draft = editing.createEntry(base.baseCode(), HEFEI_MARKET, null, GuideRulesTests.valid(), author);
        editing.submit(draft.id(), submitter);
        return draft;
    }

    private VersionStatus statusOf(VersionRecord version) {
        return repository.findVersion(version.id()).orElseThrow().status();
    }

    @Test
    void neitherTheAuthorNorTheSubmitterApprovesAndTheVersionStaysInReview() {
        VersionRecord version = inReview("editor-a", "editor-b");
        for (String own : new String[] {"editor-a", "editor-b"}) {
            assertThatThrownBy(() -> editing.approve(version.id(), own))
                    .as(own)
                    .isInstanceOf(CatalogConflictException.class)
                    .hasFieldOrPropertyWithValue("messageKey", "catalog.conflict.own-version");
            assertThat(statusOf(version)).isEqualTo(VersionStatus.IN_REVIEW);
        }
        editing.approve(version.id(), "reviewer-c");
        assertThat(statusOf(version)).isEqualTo(VersionStatus.APPROVED);
    }

    @Test
    void theReviewPageTellsTheAuthorWhyThereIsNoApproveButtonAndTheRequestIsRefusedAnyway() {
        TestBrowser author = new TestBrowser(port);
        String authorName = author.signInNewStaff(
                accounts, HEFEI_MARKET, CatalogAccess.CATALOG_EDITOR, CatalogAccess.CATALOG_REVIEWER);
        VersionRecord version = inReview(authorName, authorName);
        String path = "/admin/catalog/versions/" + version.id();

        TestBrowser.Page ownPage = author.get(path);
        Document own = ownPage.html();
        assertThat(own.selectFirst("form[action$=/approve]")).isNull();
        assertThat(own.selectFirst("[data-testid=own-version]").text()).contains("另一位审核人");
        TestBrowser.Page refused = author.post(path + "/approve", Map.of("_csrf", TestBrowser.csrf(ownPage)));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.html().text()).contains("不能审核通过自己编写或提交的版本");
        assertThat(statusOf(version)).isEqualTo(VersionStatus.IN_REVIEW);

        TestBrowser reviewer = new TestBrowser(port);
        reviewer.signInNewStaff(accounts, HEFEI_MARKET, CatalogAccess.CATALOG_REVIEWER);
        TestBrowser.Page otherPage = reviewer.get(path);
        Document other = otherPage.html();
        assertThat(other.selectFirst("[data-testid=own-version]")).isNull();
        TestBrowser.Page approved = reviewer.post(path + "/approve", Map.of("_csrf", TestBrowser.csrf(otherPage)));
        assertThat(approved.status()).isEqualTo(302);
        assertThat(statusOf(version)).isEqualTo(VersionStatus.APPROVED);
    }
}
