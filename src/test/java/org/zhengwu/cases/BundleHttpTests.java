package org.zhengwu.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.cases.lifecycle.BundleRecords;
import org.zhengwu.cases.lifecycle.BundleRow;
import org.zhengwu.cases.lifecycle.CaseLifecycle;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.cases.lifecycle.CaseRow;
import org.zhengwu.catalog.PublishedBundle;
import org.zhengwu.catalog.PublishedBundles;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.shared.time.BusinessTime;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestCases;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/**
 * 一件事 over real HTTP, as a browser without JavaScript: the bundle's guide, one merged form, each merged material
 * uploaded once, one submission however often it is sent and one receipt; one branch case per entry in its own
 * department's workbench, each with the values and files its own item asks for; another citizen and another
 * department's clerk kept out; and the join — the bundle completes with its last branch, not before.
 */
@ZhengwuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BundleHttpTests {

    static final String NEWBORN = "YJS340104001";
    static final String RESTAURANT = "YJS340104002";

    @LocalServerPort
    int port;

    @Autowired
    PublishedBundles bundles;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    StaffAccounts staff;

    @Autowired
    CaseRecords records;

    @Autowired
    BundleRecords bundleRecords;

    @Autowired
    CaseLifecycle lifecycle;

    @Autowired
    JdbcClient jdbc;

    private TestPeople.Citizen person;
    private TestBrowser applicant;

    @BeforeAll
    void setUp() {
        person = TestPeople.register(citizens, "孙母亲");
        jdbc.sql("UPDATE identity_account SET real_name_level = 4 WHERE username = :u")
                .param("u", person.username())
                .update();
        applicant = new TestBrowser(port);
        applicant.signIn(person.username(), TestPeople.PASSWORD);
    }

    /** Starts a bundle draft from its guide's button; the form's address. */
    private String start(String code) {
        Document guide = applicant.get("/bundles/" + code).html();
        var button = guide.selectFirst("[data-testid=apply-bundle]");
        assertThat(button).as("the bundle guide's apply button").isNotNull();
        TestBrowser.Page startPage = applicant.get(button.attr("href"));
        assertThat(startPage.status()).isEqualTo(200);
        TestBrowser.Page begun = applicant.post("/apply/bundles/" + code, Map.of("_csrf", TestBrowser.csrf(startPage)));
        assertThat(begun.status()).isEqualTo(302);
        return applicant.relative(begun.location());
    }

    private static long idOf(String address) {
        return Long.parseLong(address.replaceAll("\\D+(\\d+)\\D*", "$1"));
    }

    private void upload(String formAddress, int material, String name) {
        Document page = applicant.get(formAddress).html();
        TestBrowser.Page added = applicant.postMultipart(
                formAddress.replaceAll("/form$", "") + "/materials",
                Map.of(
                        "material",
                        List.of(String.valueOf(material)),
                        "_csrf",
                        List.of(page.selectFirst("input[name=_csrf]").val())),
                Map.of("file", new TestBrowser.FilePart(name, "application/pdf", TestCases.PDF)));
        assertThat(added.status()).isEqualTo(302);
    }

    private Map<String, String> newbornAnswers(String csrf) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("_csrf", csrf);
        a.put("values[applicant_relation]", "mother");
        a.put("values[applicant_name]", person.realName());
        a.put("values[applicant_id_number]", person.idNumber());
        a.put("values[contact_mobile]", person.mobile());
        a.put("values[baby_name]", "孙小宝");
        a.put("values[baby_sex]", "2");
        a.put(
                "values[baby_birth_date]",
                LocalDate.now(BusinessTime.ZONE).minusDays(3).toString());
        a.put("values[birth_time]", "08:30");
        a.put("values[birth_weight]", "3200");
        a.put("values[birth_institution]", "安徽省妇幼保健院");
        a.put("values[birth_place_division]", "340104");
        a.put("values[mother_name]", person.realName());
        a.put("values[mother_id_number]", person.idNumber());
        a.put("values[registration_follows]", "mother");
        a.put("values[household_division]", "340104");
        a.put("values[household_address]", "合肥市蜀山区长江西路100号");
        a.put("values[bank]", "icbc");
        a.put("values[delivery]", "branch");
        a.put("values[card_consent]", "true");
        a.put("next", "review");
        return a;
    }

    /** Fills in, uploads, reviews and submits twice with the same key; the bundle's id. */
    private long applyForNewborn() {
        String formAddress = start(NEWBORN);
        long id = idOf(formAddress);
        Document form = applicant.get(formAddress).html();
        // Prefilled from the account, asked once for all four items.
        assertThat(form.select("input").eachAttr("value")).contains(person.mobile());
        String csrf = form.selectFirst("form[data-testid=application-form] input[name=_csrf]")
                .val();

        // Without the materials: each missing one is named.
        TestBrowser.Page incomplete = applicant.post(formAddress, newbornAnswers(csrf));
        assertThat(incomplete.status()).isEqualTo(200);
        assertThat(incomplete.html().select("[data-testid=error-summary]").text())
                .contains("父母双方居民身份证")
                .contains("父母居民户口簿");

        upload(formAddress, 1, "父母身份证.pdf");
        upload(formAddress, 2, "户口簿.pdf");
        TestBrowser.Page toReview = applicant.post(formAddress, newbornAnswers(csrf));
        assertThat(toReview.status()).as(toReview.body()).isEqualTo(302);
        Document review = applicant.get(applicant.relative(toReview.location())).html();
        assertThat(review.select("[data-testid=taking] li")).hasSize(4);
        Map<String, String> submission = Map.of(
                "submissionKey",
                review.selectFirst("input[name=submissionKey]").val(),
                "_csrf",
                review.selectFirst("form[action$=/submit] input[name=_csrf]").val());
        TestBrowser.Page first = applicant.post("/my/bundles/" + id + "/submit", submission);
        TestBrowser.Page again = applicant.post("/my/bundles/" + id + "/submit", submission);
        assertThat(first.location()).endsWith("/my/bundles/" + id + "/receipt");
        assertThat(again.location()).isEqualTo(first.location());
        return id;
    }

    @Test
    void oneApplicationMakesOneBranchInEachDepartmentsWorkbenchAndTheLastDecisionCompletesTheBundle() {
        PublishedBundle bundle = bundles.find(NEWBORN).orElseThrow();
        long id = applyForNewborn();

        // One bundle, one receipt with one number and the four branches.
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM cases_bundle WHERE applicant_account_id =
                            (SELECT id FROM identity_account WHERE username = :u) AND status <> 'DRAFT'
                            AND bundle_code = :code""")
                        .param("u", person.username())
                        .param("code", NEWBORN)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        BundleRow row = bundleRecords.find(id).orElseThrow();
        assertThat(row.status()).isEqualTo(BundleRow.SUBMITTED);
        Document receipt = applicant.get("/my/bundles/" + id + "/receipt").html();
        assertThat(CaseNumber.isWellFormed(
                        receipt.selectFirst("[data-testid=bundle-number]").text()))
                .isTrue();
        assertThat(receipt.select("[data-testid=branches] tbody tr")).hasSize(4);

        List<CaseRow> branches = records.branches(id);
        assertThat(branches).hasSize(4);
        assertThat(branches)
                .extracting(CaseRow::organisationUscc)
                .containsExactlyInAnyOrderElementsOf(bundle.members().stream()
                        .map(m -> m.item().organisation().uscc())
                        .toList());
        assertThat(branches).allSatisfy(b -> {
            assertThat(b.status()).isEqualTo(CaseStatus.SUBMITTED);
            assertThat(b.caseNumber()).isNotEqualTo(row.bundleNumber());
        });
        // Each branch got what its own item asks: the medical insurance the newborn's name and category, the
        // household registration the two documents of its guide, from the one upload of each.
        CaseRow insurance = branch(branches, "城乡居民基本医疗保险参保登记");
        assertThat(lifecycle.values(insurance))
                .containsEntry("insured_name", "孙小宝")
                .containsEntry("insured_category", "newborn")
                .containsEntry("insured_division", "340104")
                .doesNotContainKey("insured_id_number");
        CaseRow household = branch(branches, "出生登记");
        assertThat(records.materials(household.id()))
                .extracting(m -> m.materialNo() + " " + m.materialName())
                .containsExactlyInAnyOrder("2 父母居民户口簿", "3 父母居民身份证");
        assertThat(records.materials(branch(branches, "出生医学证明首次签发").id()))
                .extracting(m -> m.materialName())
                .containsExactly("父母双方居民身份证");

        // 我的办件 lists the bundle, not its branches one by one; another citizen gets 404 everywhere.
        Document mine = applicant.get("/my/cases").html();
        assertThat(mine.select("[data-testid=my-bundles]").text()).contains("新生儿出生一件事");
        assertThat(mine.select("[data-testid=my-cases]").text()).doesNotContain("出生登记");
        TestBrowser other = new TestBrowser(port);
        other.signIn(TestPeople.register(citizens, "周旁人").username(), TestPeople.PASSWORD);
        assertThat(other.get("/my/bundles/" + id).status()).isEqualTo(404);
        assertThat(other.get("/my/bundles/" + id + "/receipt").status()).isEqualTo(404);
        assertThat(other.post(
                                "/my/bundles/" + id + "/submit",
                                Map.of(
                                        "submissionKey",
                                        java.util.UUID.randomUUID().toString(),
                                        "_csrf",
                                        TestBrowser.csrf(other.get("/my/cases"))))
                        .status())
                .isEqualTo(404);
        assertThat(other.get("/my/cases/" + household.id()).status()).isEqualTo(404);
        // Nor can they remove one of its files, guessing the numbers: the file stays.
        long aFile = jdbc.sql("SELECT min(id) FROM cases_bundle_material WHERE bundle_id = :bundle")
                .param("bundle", id)
                .query(Long.class)
                .single();
        assertThat(other.post(
                                "/my/bundles/" + id + "/materials/" + aFile + "/remove",
                                Map.of("_csrf", TestBrowser.csrf(other.get("/my/cases"))))
                        .status())
                .isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM cases_bundle_material WHERE id = :file")
                        .param("file", aFile)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        // Each department sees its own branch in its workbench and not the others'.
        TestBrowser police = clerk(household.organisationUscc());
        assertThat(police.get("/workbench?number=" + household.caseNumber())
                        .html()
                        .select("[data-testid=workbench] a")
                        .eachText())
                .contains(household.caseNumber());
        TestBrowser.Page policeView = police.get("/workbench/cases/" + household.id());
        assertThat(policeView.status()).isEqualTo(200);
        assertThat(policeView.html().select("[data-testid=bundle-of]").text()).contains("新生儿出生一件事");
        assertThat(police.get("/workbench/cases/" + insurance.id()).status()).isEqualTo(404);
        assertThat(police.get("/workbench?number=" + insurance.caseNumber())
                        .html()
                        .select("[data-testid=workbench] a")
                        .eachText())
                .doesNotContain(insurance.caseNumber());

        // The join: three branches decided, the bundle still open; the fourth decided, it completes.
        decide(police, household);
        for (CaseRow b : branches) {
            if (b.id() != household.id() && b.id() != insurance.id()) {
                decide(clerk(b.organisationUscc()), b);
            }
        }
        assertThat(bundleRecords.find(id).orElseThrow().status()).isEqualTo(BundleRow.SUBMITTED);
        Document progress = applicant.get("/my/bundles/" + id).html();
        assertThat(progress.select("[data-testid=bundle-status]").text()).contains("办理中");
        assertThat(progress.select("[data-testid=branch-status]").eachText())
                .filteredOn(s -> s.contains("已办结"))
                .hasSize(3);

        decide(clerk(insurance.organisationUscc()), insurance);
        BundleRow completed = bundleRecords.find(id).orElseThrow();
        assertThat(completed.status()).isEqualTo(BundleRow.COMPLETED);
        assertThat(completed.completedAt()).isNotNull();
        assertThat(applicant
                        .get("/my/bundles/" + id)
                        .html()
                        .select("[data-testid=bundle-status]")
                        .text())
                .contains("已办结");
        assertThat(jdbc.sql("""
                        SELECT action FROM shared_audit_entry WHERE object_type = 'bundle' AND object_id = :number
                        """)
                        .param("number", completed.bundleNumber())
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrder("cases.bundle.submit", "cases.bundle.complete");
    }

    @Test
    void anEntryWhoseConditionIsNotMetTakesNoPartAndAskingTwiceIsRefused() {
        String formAddress = start(RESTAURANT);
        long id = idOf(formAddress);
        Document form = applicant.get(formAddress).html();
        String csrf = form.selectFirst("form[data-testid=application-form] input[name=_csrf]")
                .val();
        Map<String, String> a = new LinkedHashMap<>();
        a.put("_csrf", csrf);
        a.put("values[applicant_name]", person.realName());
        a.put("values[applicant_id_number]", person.idNumber());
        a.put("values[contact_mobile]", person.mobile());
        a.put("values[organisation_form]", "individual");
        a.put("values[business_division]", "340104");
        a.put("values[business_address]", "合肥市蜀山区黄山路1号");
        a.put("values[floor_area]", "80");
        a.put("values[business_scope]", "餐饮服务");
        a.put("values[business_items]", "热食类食品制售");
        a.put("values[capital]", "10");
        a.put("values[employees]", "3");
        a.put("values[safety_manager]", "孙经理");
        a.put("values[safety_manager_mobile]", person.mobile());
        a.put("next", "review");
        // The declaration left out: named on the merged form's own field, though three items' forms ask it.
        TestBrowser.Page undeclared = applicant.post(formAddress, a);
        assertThat(undeclared.status()).isEqualTo(200);
        assertThat(undeclared.html().select("[data-field=declaration].form-group--error"))
                .isNotEmpty();

        a.put("values[declaration]", "true");
        for (int material = 1; material <= 4; material++) {
            upload(formAddress, material, "材料" + material + ".pdf");
        }
        // No public venue: its plan is not asked for, and the health department's licence takes no part.
        TestBrowser.Page toReview = applicant.post(formAddress, a);
        assertThat(toReview.status()).as(toReview.body()).isEqualTo(302);
        Document review = applicant.get(applicant.relative(toReview.location())).html();
        assertThat(review.select("[data-testid=taking] li")).hasSize(2);
        TestBrowser.Page submitted = applicant.post(
                "/my/bundles/" + id + "/submit",
                Map.of(
                        "submissionKey",
                        review.selectFirst("input[name=submissionKey]").val(),
                        "_csrf",
                        review.selectFirst("form[action$=/submit] input[name=_csrf]")
                                .val()));
        assertThat(submitted.status()).isEqualTo(302);
        assertThat(records.branches(id))
                .extracting(CaseRow::itemName)
                .containsExactlyInAnyOrder("个体工商户设立登记", "食品经营许可（新办）");
        assertThat(lifecycle.values(branch(records.branches(id), "食品经营许可（新办）")))
                .containsEntry("applicant_kind", "person")
                .containsEntry("premises_area", "80")
                .containsEntry("commitment", "true")
                .doesNotContainKey("enterprise_uscc");
        // Submitted: the draft's pages answer with a conflict, nothing changes.
        assertThat(applicant.get(formAddress).status()).isEqualTo(409);
    }

    private static CaseRow branch(List<CaseRow> branches, String itemName) {
        return branches.stream()
                .filter(b -> b.itemName().equals(itemName))
                .findFirst()
                .orElseThrow();
    }

    private TestBrowser clerk(String organisationUscc) {
        TestBrowser browser = new TestBrowser(port);
        browser.signInNewStaff(
                staff, organisationUscc, CaseAccess.CASE_CLERK, CaseAccess.CASE_REVIEWER, CaseAccess.CASE_APPROVER);
        return browser;
    }

    /** Takes the case through the workbench's steps to 办结 (准予), as its department's clerk. */
    private void decide(TestBrowser clerk, CaseRow branch) {
        List<String> order = List.of("APPROVE_AT_COUNTER", "ACCEPT", "UNDERTAKE", "AUDIT", "APPROVE");
        for (int i = 0; i < 5 && records.find(branch.id()).orElseThrow().status() != CaseStatus.COMPLETED; i++) {
            TestBrowser.Page page = clerk.get("/workbench/cases/" + branch.id());
            List<String> offered = page.html().select("input[name=action]").eachAttr("value");
            String action = order.stream().filter(offered::contains).findFirst().orElseThrow();
            TestBrowser.Page done = clerk.post(
                    "/workbench/cases/" + branch.id() + "/steps",
                    Map.of(
                            "action",
                            action,
                            "version",
                            page.html().selectFirst("input[name=version]").val(),
                            "opinion",
                            "符合条件",
                            "_csrf",
                            TestBrowser.csrf(page)));
            assertThat(done.status()).as(action + " " + done.body()).isEqualTo(302);
        }
        assertThat(records.find(branch.id()).orElseThrow().status()).isEqualTo(CaseStatus.COMPLETED);
    }
}
