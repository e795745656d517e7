package org.zhengwu.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.cases.CaseAccess;
import org.zhengwu.cases.lifecycle.OnlineOffer;
import org.zhengwu.catalog.ApplicationForm;
import org.zhengwu.catalog.ApplicationForms;
import org.zhengwu.catalog.Guide;
import org.zhengwu.catalog.PublishedCatalog;
import org.zhengwu.catalog.PublishedItem;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.licence.register.LicenceRow;
import org.zhengwu.support.FormAnswers;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestCases;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/**
 * 凡是能通过网络核验的信息，不得要求申请人重复提供, over HTTP as a browser without JavaScript: a citizen holding a 营业执照
 * (issued the real way) applies for an item whose material a 营业执照 replaces, consents, and submits without uploading
 * it; the clerk sees the licence verified live and opens it, which its holder sees as a use. Without consent the upload
 * is still asked; another person's licence is never offered nor accepted; a revoked licence is not offered, and one
 * revoked after it was chosen no longer counts.
 */
@ZhengwuTest
class OnceOnlyHttpTests {

    static final String BUSINESS_LICENCE = "11100000000013338W011";

    @LocalServerPort
    int port;

    @Autowired
    LicenceFixtures fixtures;

    @Autowired
    PublishedCatalog catalog;

    @Autowired
    ApplicationForms forms;

    @Autowired
    StaffAccounts staff;

    @Autowired
    JdbcClient jdbc;

    /** An item offered online, one of whose required materials a 营业执照 replaces, with a form a test can fill. */
    PublishedItem item() {
        return catalog.all().stream()
                .filter(OnlineOffer::offeredOnline)
                .filter(i -> i.guide().materials().stream()
                        .anyMatch(m -> m.required()
                                && m.condition() == null
                                && m.replacingLicenceTypes().contains(BUSINESS_LICENCE)))
                .filter(i -> forms.formOf(i.guide()).fields().stream().allMatch(f -> f.pattern() == null))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no online item whose material a 营业执照 replaces"));
    }

    static int replaceable(PublishedItem item) {
        List<Guide.Material> materials = item.guide().materials();
        for (int i = 0; i < materials.size(); i++) {
            Guide.Material m = materials.get(i);
            if (m.required()
                    && m.condition() == null
                    && m.replacingLicenceTypes().contains(BUSINESS_LICENCE)) {
                return i + 1;
            }
        }
        throw new AssertionError();
    }

    private TestBrowser signedIn(TestPeople.Citizen citizen) {
        jdbc.sql("UPDATE identity_account SET real_name_level = 4 WHERE username = :u")
                .param("u", citizen.username())
                .update();
        TestBrowser browser = new TestBrowser(port);
        browser.signIn(citizen.username(), TestPeople.PASSWORD);
        return browser;
    }

    private String startDraft(TestBrowser browser, PublishedItem item) {
        TestBrowser.Page start = browser.get("/apply/" + item.implementationCode());
        assertThat(start.status()).isEqualTo(200);
        TestBrowser.Page begun =
                browser.post("/apply/" + item.implementationCode(), Map.of("_csrf", TestBrowser.csrf(start)));
        assertThat(begun.status()).isEqualTo(302);
        return browser.relative(begun.location());
    }

    private Map<String, String> answers(PublishedItem item, Document formPage, TestPeople.Citizen person) {
        ApplicationForm form = forms.formOf(item.guide());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(
                "_csrf",
                formPage.selectFirst("form[data-testid=application-form] input[name=_csrf]")
                        .val());
        fields.putAll(FormAnswers.of(form, formPage, person.idNumber(), person.mobile()));
        fields.put("next", "review");
        return fields;
    }

    /** Uploads a PDF for every required material but {@code except}. */
    private void uploadOthers(TestBrowser browser, PublishedItem item, String formAddress, int except) {
        String csrf = TestBrowser.csrf(browser.get(formAddress));
        List<Guide.Material> materials = item.guide().materials();
        for (int i = 0; i < materials.size(); i++) {
            if (i + 1 == except
                    || !materials.get(i).required()
                    || materials.get(i).condition() != null) {
                continue;
            }
            TestBrowser.Page sent = browser.postMultipart(
                    formAddress.replaceAll("/form$", "") + "/materials",
                    Map.of("material", List.of(String.valueOf(i + 1)), "_csrf", List.of(csrf)),
                    Map.of(
                            "file",
                            new TestBrowser.FilePart("材料" + (i + 1) + ".pdf", "application/pdf", TestCases.PDF)));
            assertThat(sent.status()).isEqualTo(302);
        }
    }

    private TestBrowser.Page useLicence(
            TestBrowser browser, String formAddress, int material, String identifier, boolean consent) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", TestBrowser.csrf(browser.get(formAddress)));
        fields.put("licence", identifier);
        if (consent) {
            fields.put("consent", "true");
        }
        return browser.post(formAddress.replaceAll("/form$", "") + "/materials/" + material + "/licence", fields);
    }

    private long caseId(String formAddress) {
        return Long.parseLong(formAddress.replaceAll("^/my/cases/(\\d+)/form$", "$1"));
    }

    private long licenceMaterials(long caseId) {
        return jdbc.sql("SELECT count(*) FROM cases_licence_material WHERE case_id = :c")
                .param("c", caseId)
                .query(Long.class)
                .single();
    }

    @Test
    void aHolderAppliesWithoutUploadingTheirLicenceAndTheClerkOpensItVerified() {
        LicenceFixtures.Issued issued = fixtures.businessLicence("冯一证", "合肥市蜀山区冯记面馆");
        LicenceRow licence = issued.licence();
        PublishedItem item = item();
        int material = replaceable(item);
        TestBrowser holder = signedIn(issued.citizen());
        String formAddress = startDraft(holder, item);
        long caseId = caseId(formAddress);

        Document formPage = holder.get(formAddress).html();
        Element offer = formPage.selectFirst("#material-" + material + " [data-testid=licence-offer]");
        assertThat(offer).as("the licence is offered for the material").isNotNull();
        assertThat(offer.text()).contains("使用我的电子证照：营业执照（编号 " + licence.number() + "）");
        assertThat(formPage.select("[data-testid=licence-offer]")).hasSize((int) item.guide().materials().stream()
                .filter(m -> m.replacingLicenceTypes().contains(BUSINESS_LICENCE))
                .count());

        // Without the consent box nothing changes, and the upload is still asked.
        uploadOthers(holder, item, formAddress, material);
        TestBrowser.Page refused = useLicence(holder, formAddress, material, licence.identifier(), false);
        assertThat(refused.status()).isEqualTo(302);
        Document afterRefusal = holder.get(holder.relative(refused.location())).html();
        assertThat(afterRefusal.select("[data-testid=licence-problem]").text()).contains("请勾选同意");
        assertThat(licenceMaterials(caseId)).isZero();
        TestBrowser.Page incomplete = holder.post(formAddress, answers(item, afterRefusal, issued.citizen()));
        assertThat(incomplete.status()).isEqualTo(200);
        assertThat(incomplete.html().select("[data-testid=error-summary]").text())
                .contains(item.guide().materials().get(material - 1).name());

        // With consent the licence stands in for the material: no upload, review, submission.
        assertThat(useLicence(holder, formAddress, material, licence.identifier(), true)
                        .status())
                .isEqualTo(302);
        assertThat(licenceMaterials(caseId)).isOne();
        Document using = holder.get(formAddress).html();
        assertThat(using.select("#material-" + material + " [data-testid=licence-used]")
                        .text())
                .contains("营业执照")
                .contains(licence.number());
        assertThat(using.select("#material-" + material + " input[type=file]"))
                .as("no upload asked")
                .isEmpty();
        TestBrowser.Page toReview = holder.post(formAddress, answers(item, using, issued.citizen()));
        assertThat(toReview.status()).as(toReview.body()).isEqualTo(302);
        TestBrowser.Page review = holder.get(holder.relative(toReview.location()));
        assertThat(review.html().select("[data-testid=review-licence]").text()).contains(licence.number());
        TestBrowser.Page submitted = holder.post(
                "/my/cases/" + caseId + "/submit",
                Map.of(
                        "_csrf", TestBrowser.csrf(review),
                        "submissionKey",
                                review.html()
                                        .selectFirst("input[name=submissionKey]")
                                        .val()));
        assertThat(submitted.status()).isEqualTo(302);
        assertThat(submitted.location()).endsWith("/receipt");
        String caseNumber = jdbc.sql("SELECT case_number FROM cases_case WHERE id = :id")
                .param("id", caseId)
                .query(String.class)
                .single();
        assertThat(jdbc.sql("SELECT count(*) FROM cases_material WHERE case_id = :c AND material_no = :n")
                        .param("c", caseId)
                        .param("n", material)
                        .query(Long.class)
                        .single())
                .as("nothing uploaded for the material")
                .isZero();

        // The case's organisation is authorised to use the licence for this case (after the submission commits).
        long authorisation = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> jdbc.sql("SELECT id FROM licence_authorisation WHERE case_number = :c AND number = :n")
                                .param("c", caseNumber)
                                .param("n", licence.number())
                                .query(Long.class)
                                .list(),
                        l -> !l.isEmpty())
                .get(0);

        String organisation = item.organisation().uscc();
        TestBrowser clerk = new TestBrowser(port);
        clerk.signInNewStaff(staff, organisation, CaseAccess.CASE_CLERK, LicenceAccess.LICENCE_USER);
        Document casePage = clerk.get("/workbench/cases/" + caseId).html();
        Element row = casePage.selectFirst("[data-testid=licence-material]");
        assertThat(row)
                .as("the clerk sees the licence in place of the material")
                .isNotNull();
        assertThat(row.text()).contains("电子证照：营业执照 编号 " + licence.number());
        assertThat(row.select("[data-testid=licence-status]").text()).isEqualTo("有效");
        Element open = row.selectFirst("a[data-testid=open-licence]");
        assertThat(open).isNotNull();
        assertThat(open.attr("href")).isEqualTo("/licences/authorised/" + authorisation + "?case=" + caseNumber);
        TestBrowser.Page opened = clerk.get(open.attr("href"));
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.body()).contains("合肥市蜀山区冯记面馆");

        // The holder sees that use.
        Document mine = holder.get("/my/licences/" + licence.id()).html();
        assertThat(mine.select("[data-testid=uses]").text()).contains(caseNumber);

        // A clerk who may not use licences sees it verified, without a way to open it.
        TestBrowser plainClerk = new TestBrowser(port);
        plainClerk.signInNewStaff(staff, organisation, CaseAccess.CASE_CLERK);
        Element plainRow =
                plainClerk.get("/workbench/cases/" + caseId).html().selectFirst("[data-testid=licence-material]");
        assertThat(plainRow.select("[data-testid=licence-status]").text()).isEqualTo("有效");
        assertThat(plainRow.select("a[data-testid=open-licence]")).isEmpty();

        // Revoked meanwhile: the clerk sees it so, and cannot open it.
        jdbc.sql("UPDATE licence_licence SET status = 'REVOKED' WHERE id = :id")
                .param("id", licence.id())
                .update();
        Element revoked = clerk.get("/workbench/cases/" + caseId).html().selectFirst("[data-testid=licence-material]");
        assertThat(revoked.select("[data-testid=licence-status]").text()).isEqualTo("已注销");
        assertThat(revoked.select("a[data-testid=open-licence]")).isEmpty();
        assertThat(revoked.text()).contains("补正");
    }

    @Test
    void anotherPersonsLicenceIsNeverOfferedNorAccepted() {
        LicenceRow theirs = fixtures.businessLicence("陈二证", "合肥市蜀山区陈记茶铺").licence();
        TestPeople.Citizen someone = TestPeople.register(fixtures.citizens(), "韩三无");
        PublishedItem item = item();
        int material = replaceable(item);
        TestBrowser browser = signedIn(someone);
        String formAddress = startDraft(browser, item);
        Document formPage = browser.get(formAddress).html();
        assertThat(formPage.select("[data-testid=licence-offer]")).isEmpty();
        assertThat(formPage.text()).doesNotContain(theirs.number());
        TestBrowser.Page taken = useLicence(browser, formAddress, material, theirs.identifier(), true);
        assertThat(taken.status()).isEqualTo(404);
        assertThat(licenceMaterials(caseId(formAddress))).isZero();

        // Nor through someone else's draft.
        TestBrowser holder = signedIn(TestPeople.register(fixtures.citizens(), "杨四他"));
        assertThat(useLicence(holder, "/my/cases/" + caseId(formAddress) + "/form", material, theirs.identifier(), true)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aRevokedLicenceIsNotOfferedAndOneRevokedAfterChoosingNoLongerCounts() {
        LicenceFixtures.Issued issued = fixtures.businessLicence("朱五证", null);
        LicenceRow licence = issued.licence();
        PublishedItem item = item();
        int material = replaceable(item);
        TestBrowser holder = signedIn(issued.citizen());
        String formAddress = startDraft(holder, item);
        uploadOthers(holder, item, formAddress, material);
        assertThat(useLicence(holder, formAddress, material, licence.identifier(), true)
                        .status())
                .isEqualTo(302);

        jdbc.sql("UPDATE licence_licence SET status = 'REVOKED' WHERE id = :id")
                .param("id", licence.id())
                .update();
        Document formPage = holder.get(formAddress).html();
        assertThat(formPage.select("[data-testid=licence-offer]")).isEmpty();
        assertThat(formPage.select("#material-" + material + " [data-testid=licence-lapsed]"))
                .hasSize(1);
        assertThat(formPage.select("#material-" + material + " input[type=file]"))
                .hasSize(1);
        TestBrowser.Page incomplete = holder.post(formAddress, answers(item, formPage, issued.citizen()));
        assertThat(incomplete.status()).isEqualTo(200);
        assertThat(incomplete.html().select("[data-testid=error-summary]").text())
                .contains(item.guide().materials().get(material - 1).name());

        // A fresh draft is not offered the revoked licence at all.
        Document fresh = holder.get(startDraft(holder, item)).html();
        assertThat(fresh.select("[data-testid=licence-offer]")).isEmpty();
    }
}
