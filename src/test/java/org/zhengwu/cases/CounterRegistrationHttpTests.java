package org.zhengwu.cases;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.cases.lifecycle.CaseRow;
import org.zhengwu.catalog.ApplicationForms;
import org.zhengwu.catalog.CaseKind;
import org.zhengwu.catalog.PublishedCatalog;
import org.zhengwu.catalog.PublishedItem;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.support.FormAnswers;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestCases;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/**
 * 窗口收件 through the pages, as a clerk's browser without JavaScript does: the organisation's entry found, the applicant
 * identified, the item's form filled in, the scans uploaded, reviewed and registered once however often it is sent; the
 * case is channel 窗口, registered by the clerk, in the workbench, in the applicant's 我的办件 when they have an account
 * and found by the public progress lookup with the receipt's code when they have none. And the refusals: bad numbers
 * named by field, a name that is not the account's, another organisation's clerk, a citizen.
 */
@ZhengwuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CounterRegistrationHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    PublishedCatalog catalog;

    @Autowired
    ApplicationForms forms;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    StaffAccounts staff;

    @Autowired
    CaseRecords records;

    @Autowired
    JdbcClient jdbc;

    private PublishedItem item;
    private TestBrowser clerk;
    private String clerkName;

    @BeforeAll
    void setUp() {
        item = catalog.all().stream()
                .filter(i -> !i.type().enforcement())
                .filter(i -> i.guide().caseKind() == CaseKind.PROMISED)
                .filter(i -> i.guide().materials().stream().anyMatch(m -> m.required() && m.condition() == null))
                .filter(i -> !forms.formOf(i.guide()).fields().isEmpty())
                .findFirst()
                .orElseThrow();
        clerk = new TestBrowser(port);
        clerkName = clerk.signInNewStaff(staff, item.organisation().uscc(), CaseAccess.CASE_CLERK);
    }

    private String applicantPage() {
        return "/workbench/counter/items/" + item.implementationCode();
    }

    private TestBrowser.Page begin(Map<String, String> applicant) {
        TestBrowser.Page page = clerk.get(applicantPage());
        assertThat(page.status()).isEqualTo(200);
        Map<String, String> fields = new LinkedHashMap<>(applicant);
        fields.put("_csrf", TestBrowser.csrf(page));
        return clerk.post(applicantPage(), fields);
    }

    private static Map<String, String> person(String name, String idNumber, String mobile) {
        return Map.of("kind", "PERSON", "name", name, "idNumber", idNumber, "mobile", mobile);
    }

    /** Registers a case for the applicant through every page and returns the receipt page. */
    private Document register(Map<String, String> applicant, String idNumber, String mobile) {
        TestBrowser.Page begun = begin(applicant);
        assertThat(begun.status()).as(begun.body()).isEqualTo(302);
        String formAddress = clerk.relative(begun.location());
        assertThat(formAddress).matches("/workbench/counter/\\d+/form");
        String base = formAddress.replaceAll("/form$", "");
        Document formPage = clerk.get(formAddress).html();

        String csrf = formPage.selectFirst("input[name=_csrf]").val();
        for (int i = 0; i < item.guide().materials().size(); i++) {
            var m = item.guide().materials().get(i);
            if (m.required() && m.condition() == null) {
                TestBrowser.Page added = clerk.postMultipart(
                        base + "/materials",
                        Map.of("material", List.of(String.valueOf(i + 1)), "_csrf", List.of(csrf)),
                        Map.of(
                                "file",
                                new TestBrowser.FilePart("扫描件" + (i + 1) + ".pdf", "application/pdf", TestCases.PDF)));
                assertThat(added.status()).isEqualTo(302);
            }
        }
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("_csrf", csrf);
        answers.putAll(FormAnswers.of(forms.formOf(item.guide()), formPage, idNumber, mobile));
        answers.put("next", "review");
        TestBrowser.Page toReview = clerk.post(formAddress, answers);
        assertThat(toReview.status()).as(toReview.body()).isEqualTo(302);
        Document review = clerk.get(clerk.relative(toReview.location())).html();
        Map<String, String> submission = Map.of(
                "submissionKey",
                review.selectFirst("input[name=submissionKey]").val(),
                "_csrf",
                review.selectFirst("form[action$=/submit] input[name=_csrf]").val());
        TestBrowser.Page first = clerk.post(base + "/submit", submission);
        TestBrowser.Page again = clerk.post(base + "/submit", submission);
        assertThat(first.location()).endsWith(base + "/receipt");
        assertThat(again.location()).isEqualTo(first.location());
        return clerk.get(base + "/receipt").html();
    }

    private long caseIdOf(Document receipt) {
        String number = CaseNumber.parseOrNull(
                        receipt.selectFirst("[data-testid=case-number]").text())
                .value();
        return records.findByNumber(number).orElseThrow().id();
    }

    @Test
    void aClerkRegistersForAPersonWithAnAccountWhoThenFindsItInTheirCases() {
        TestPeople.Citizen person = TestPeople.register(citizens, "窗口甲");
        // The workbench leads to the counter, which lists the organisation's entry.
        assertThat(clerk.get("/workbench").html().select("[data-testid=counter-link]"))
                .isNotEmpty();
        assertThat(clerk.get("/workbench/counter?q=" + item.implementationCode())
                        .html()
                        .select("[data-testid=counter-items]")
                        .text())
                .contains(item.name());

        Document receipt = register(
                person(person.realName(), person.idNumber(), person.mobile()), person.idNumber(), person.mobile());
        assertThat(receipt.selectFirst("[data-testid=query-code]").text()).hasSize(8);
        long caseId = caseIdOf(receipt);
        CaseRow c = records.find(caseId).orElseThrow();
        assertThat(c.status()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(c.channel()).isEqualTo("1");
        assertThat(c.registeredBy()).isEqualTo(clerkName);
        assertThat(c.processInstanceId()).isNotNull();
        long account = jdbc.sql("SELECT id FROM identity_account WHERE username = :u")
                .param("u", person.username())
                .query(Long.class)
                .single();
        assertThat(c.applicantAccountId()).isEqualTo(account);
        // Double submission made one case for this applicant.
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM cases_case WHERE applicant_account_id = :a AND case_number IS NOT NULL")
                        .param("a", account)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        // The timeline's first line is the clerk's registration, and the log says who registered it.
        assertThat(records.steps(caseId)).extracting(s -> s.step()).containsExactly("register");
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM shared_audit_entry WHERE actor = :a AND action = 'cases.counter.register' AND object_id = :n AND client_ip IS NOT NULL")
                        .param("a", clerkName)
                        .param("n", c.caseNumber())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        // In the workbench like any other case: channel 窗口 and the clerk named.
        Document inWorkbench = clerk.get("/workbench/cases/" + caseId).html();
        assertThat(inWorkbench.selectFirst("[data-testid=channel]").text()).isEqualTo("窗口");
        assertThat(inWorkbench.selectFirst("[data-testid=registered-by]").text())
                .isEqualTo(clerkName);
        assertThat(clerk.get("/workbench?tab=todo&channel=1").html().select("a[href=/workbench/cases/" + caseId + "]"))
                .isNotEmpty();

        // The applicant finds it in 我的办件.
        TestBrowser applicant = new TestBrowser(port);
        applicant.signIn(person.username(), TestPeople.PASSWORD);
        assertThat(applicant
                        .get("/my/cases")
                        .html()
                        .select("[data-testid=my-cases]")
                        .text())
                .contains(item.name());
        assertThat(applicant.get("/my/cases/" + caseId).status()).isEqualTo(200);
    }

    @Test
    void aPersonWithoutAnAccountFollowsTheCaseWithTheReceiptsCode() {
        String idNumber = TestPeople.newIdNumber();
        String mobile = TestPeople.newMobile();
        Document receipt = register(person("窗口乙", idNumber, mobile), idNumber, mobile);
        long caseId = caseIdOf(receipt);
        CaseRow c = records.find(caseId).orElseThrow();
        assertThat(c.applicantAccountId()).isNull();
        assertThat(c.registeredBy()).isEqualTo(clerkName);
        assertThat(receipt.selectFirst("[data-testid=applicant]").text()).isEqualTo("窗口乙");

        TestBrowser anyone = new TestBrowser(port);
        TestBrowser.Page lookup = anyone.get("/progress");
        TestBrowser.Page found = anyone.post(
                "/progress",
                Map.of(
                        "number",
                        receipt.selectFirst("[data-testid=case-number]").text(),
                        "code",
                        receipt.selectFirst("[data-testid=query-code]").text(),
                        "_csrf",
                        TestBrowser.csrf(lookup)));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.html().selectFirst("[data-testid=progress-item]").text())
                .isEqualTo(item.name());
    }

    @Test
    void badIdentificationIsNamedByFieldAndNoDraftIsMade() {
        int before = jdbc.sql("SELECT count(*) FROM cases_case WHERE registered_by = :c")
                .param("c", clerkName)
                .query(Integer.class)
                .single();
        String valid = TestPeople.newIdNumber();
        String wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1');
        TestBrowser.Page badPerson = begin(person("窗口丙", wrongCheck, "12345"));
        assertThat(badPerson.status()).isEqualTo(200);
        String summary = badPerson.html().select("[data-testid=error-summary]").text();
        assertThat(summary).contains("公民身份号码").contains("校验码").contains("手机号码");

        TestBrowser.Page badEnterprise = begin(Map.of(
                "kind",
                "ENTERPRISE",
                "name",
                "窗口丁",
                "idNumber",
                valid,
                "mobile",
                TestPeople.newMobile(),
                "uscc",
                "91340100MA2N00000X",
                "enterpriseName",
                ""));
        assertThat(badEnterprise.status()).isEqualTo(200);
        assertThat(badEnterprise.html().select("[data-testid=error-summary]").text())
                .contains("统一社会信用代码")
                .contains("单位名称");
        assertThat(badEnterprise.html().select("#uscc").attr("aria-invalid")).isEqualTo("true");

        // A name that is not the account's real name for that number.
        TestPeople.Citizen holder = TestPeople.register(citizens, "窗口戊");
        TestBrowser.Page mismatch = begin(person("别人", holder.idNumber(), holder.mobile()));
        assertThat(mismatch.status()).isEqualTo(200);
        assertThat(mismatch.html().select("[data-testid=error-summary]").text())
                .contains("姓名")
                .contains("实名");

        assertThat(jdbc.sql("SELECT count(*) FROM cases_case WHERE registered_by = :c")
                        .param("c", clerkName)
                        .query(Integer.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void anEnterpriseApplicationRecordsTheEnterpriseAndItsHandlingPerson() {
        String uscc = TestPeople.newCreditCode();
        String idNumber = TestPeople.newIdNumber();
        String mobile = TestPeople.newMobile();
        Document receipt = register(
                Map.of(
                        "kind",
                        "ENTERPRISE",
                        "name",
                        "窗口己",
                        "idNumber",
                        idNumber,
                        "mobile",
                        mobile,
                        "uscc",
                        uscc,
                        "enterpriseName",
                        "窗口测试有限公司"),
                idNumber,
                mobile);
        CaseRow c = records.find(caseIdOf(receipt)).orElseThrow();
        assertThat(c.actingForUscc()).isEqualTo(uscc);
        assertThat(c.applicantAccountId()).isNull();
        assertThat(receipt.text()).contains("窗口测试有限公司").contains("经办人");
    }

    @Test
    void anotherOrganisationsClerkAndACitizenCannotRegisterForTheEntry() {
        String otherOrganisation = jdbc.sql(
                        "SELECT uscc FROM basedata_organisation WHERE uscc <> :own ORDER BY uscc LIMIT 1")
                .param("own", item.organisation().uscc())
                .query(String.class)
                .single();
        TestBrowser other = new TestBrowser(port);
        other.signInNewStaff(staff, otherOrganisation, CaseAccess.CASE_CLERK);
        assertThat(other.get(applicantPage()).status()).isEqualTo(404);
        assertThat(other.get("/workbench/counter?q=" + item.implementationCode())
                        .html()
                        .select("[data-testid=counter-items]")
                        .text())
                .doesNotContain(item.implementationCode());
        TestBrowser.Page posted = other.post(
                applicantPage(),
                Map.of(
                        "kind",
                        "PERSON",
                        "name",
                        "窗口庚",
                        "idNumber",
                        TestPeople.newIdNumber(),
                        "mobile",
                        TestPeople.newMobile(),
                        "_csrf",
                        TestBrowser.csrf(other.get("/workbench/counter"))));
        assertThat(posted.status()).isEqualTo(404);
        // Nor reach this clerk's draft.
        TestBrowser.Page begun = begin(person("窗口辛", TestPeople.newIdNumber(), TestPeople.newMobile()));
        String draft = clerk.relative(begun.location());
        assertThat(other.get(draft).status()).isEqualTo(404);
        // A reviewer of the own organisation without cases.accept is refused the counter.
        TestBrowser reviewer = new TestBrowser(port);
        reviewer.signInNewStaff(staff, item.organisation().uscc(), CaseAccess.CASE_REVIEWER);
        assertThat(reviewer.get("/workbench/counter").status()).isEqualTo(403);

        TestBrowser citizen = new TestBrowser(port);
        TestPeople.Citizen person = TestPeople.register(citizens, "窗口壬");
        citizen.signIn(person.username(), TestPeople.PASSWORD);
        assertThat(citizen.get("/workbench/counter").status()).isEqualTo(403);
        assertThat(citizen.get(applicantPage()).status()).isEqualTo(403);
        // The clerk's draft is not the applicant's to change, even when it names them.
        TestPeople.Citizen named = TestPeople.register(citizens, "窗口癸");
        TestBrowser.Page forNamed = begin(person(named.realName(), named.idNumber(), named.mobile()));
        long draftId = Long.parseLong(clerk.relative(forNamed.location()).replaceAll("\\D+(\\d+)\\D*", "$1"));
        TestBrowser namedBrowser = new TestBrowser(port);
        namedBrowser.signIn(named.username(), TestPeople.PASSWORD);
        assertThat(namedBrowser.get("/my/cases/" + draftId + "/form").status()).isEqualTo(404);
        assertThat(namedBrowser
                        .get("/my/cases")
                        .html()
                        .select("[data-testid=my-cases]")
                        .text())
                .doesNotContain(item.name());
    }
}
