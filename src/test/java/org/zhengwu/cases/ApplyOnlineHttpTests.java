package org.zhengwu.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.cases.lifecycle.CaseRow;
import org.zhengwu.cases.lifecycle.OnlineOffer;
import org.zhengwu.catalog.ApplicationForm;
import org.zhengwu.catalog.ApplicationForms;
import org.zhengwu.catalog.CaseKind;
import org.zhengwu.catalog.FieldType;
import org.zhengwu.catalog.FormField;
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
 * Applying online through the pages, as a browser without JavaScript does: the guide's button, the item's form
 * prefilled from the account, two uploads, review, one submission however often it is sent, the receipt; a 补正
 * answered with a new upload; and the bad paths — a disguised, an empty and a wrong-kind upload named in the message,
 * a missing required material, another person's draft.
 */
@ZhengwuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplyOnlineHttpTests {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

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
    private TestPeople.Citizen person;
    private TestBrowser applicant;

    @BeforeAll
    void setUp() {
        item = catalog.all().stream()
                .filter(OnlineOffer::offeredOnline)
                .filter(i -> i.guide().caseKind() == CaseKind.PROMISED)
                .filter(i -> i.guide().materials().stream()
                                .filter(m -> m.required() && m.condition() == null)
                                .count()
                        >= 2)
                // A form with a choice and a box, which the review shows by their labels.
                .filter(i -> forms.formOf(i.guide()).fields().stream()
                        .map(FormField::type)
                        .toList()
                        .containsAll(List.of(FieldType.CHOICE, FieldType.CHECKBOX)))
                .findFirst()
                .orElseThrow();
        person = TestPeople.register(citizens, "赵申请");
        jdbc.sql("UPDATE identity_account SET real_name_level = 4 WHERE username = :u")
                .param("u", person.username())
                .update();
        applicant = new TestBrowser(port);
        applicant.signIn(person.username(), TestPeople.PASSWORD);
    }

    /** Starts a draft from the guide's button and returns its form page's address. */
    private String startDraft(TestBrowser browser) {
        Document guide = browser.get("/items/" + item.implementationCode()).html();
        Element button = guide.selectFirst("[data-testid=apply-here]");
        assertThat(button).as("the guide's apply button").isNotNull();
        TestBrowser.Page start = browser.get(button.attr("href"));
        assertThat(start.status()).isEqualTo(200);
        TestBrowser.Page begun =
                browser.post("/apply/" + item.implementationCode(), Map.of("_csrf", TestBrowser.csrf(start)));
        assertThat(begun.status()).isEqualTo(302);
        return browser.relative(begun.location());
    }

    private Map<String, String> answers(Document formPage) {
        ApplicationForm form = forms.formOf(item.guide());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(
                "_csrf",
                formPage.selectFirst("form[data-testid=application-form] input[name=_csrf]")
                        .val());
        fields.putAll(FormAnswers.of(form, formPage, person.idNumber(), person.mobile()));
        return fields;
    }

    private TestBrowser.Page upload(
            TestBrowser browser, String caseAddress, Document page, int material, String name, byte[] content) {
        String csrf = page.selectFirst("input[name=_csrf]").val();
        return browser.postMultipart(
                caseAddress.replaceAll("/form$", "") + "/materials",
                Map.of("material", List.of(String.valueOf(material)), "_csrf", List.of(csrf)),
                Map.of("file", new TestBrowser.FilePart(name, "application/octet-stream", content)));
    }

    private List<Integer> requiredMaterials() {
        List<Integer> numbers = new java.util.ArrayList<>();
        for (int i = 0; i < item.guide().materials().size(); i++) {
            var m = item.guide().materials().get(i);
            if (m.required() && m.condition() == null) {
                numbers.add(i + 1);
            }
        }
        return numbers;
    }

    @Test
    void aPersonAppliesWithTwoUploadsAndGetsOneCaseHoweverOftenTheySubmit() {
        String formAddress = startDraft(applicant);
        Document formPage = applicant.get(formAddress).html();
        // Prefilled from the account.
        assertThat(formPage.select("input").eachAttr("value")).contains(person.mobile());

        // Going on without the materials names each missing one.
        Map<String, String> answers = answers(formPage);
        answers.put("next", "review");
        TestBrowser.Page incomplete = applicant.post(formAddress, answers);
        assertThat(incomplete.status()).isEqualTo(200);
        assertThat(incomplete.html().select("[data-testid=error-summary]").text())
                .contains("还没有上传");
        // A field left empty is named by its label in the summary, which links to it.
        FormField emptied = forms.formOf(item.guide()).fields().stream()
                .filter(FormField::required)
                .filter(f -> f.shownWhen() == null)
                .findFirst()
                .orElseThrow();
        Map<String, String> blank = new LinkedHashMap<>(answers);
        blank.put("values[" + emptied.key() + "]", "");
        Element named = applicant
                .post(formAddress, blank)
                .html()
                .selectFirst("[data-testid=error-summary] a[href='#values" + emptied.key() + "']");
        assertThat(named).as("the summary links to the empty field").isNotNull();
        assertThat(named.text()).startsWith(emptied.labelZh() + "：");

        // Bad uploads, each refused with the file's name.
        TestBrowser.Page disguised = upload(applicant, formAddress, formPage, 1, "身份证.pdf", PNG);
        assertThat(applicant
                        .get(applicant.relative(disguised.location()))
                        .html()
                        .select("[data-testid=upload-problem]")
                        .text())
                .contains("身份证.pdf");
        TestBrowser.Page empty = upload(applicant, formAddress, formPage, 1, "空文件.pdf", new byte[0]);
        assertThat(applicant
                        .get(applicant.relative(empty.location()))
                        .html()
                        .select("[data-testid=upload-problem]")
                        .text())
                .contains("空文件.pdf");
        TestBrowser.Page program = upload(
                applicant,
                formAddress,
                formPage,
                1,
                "setup.pdf",
                "MZ\u0090\u0000 not a pdf".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(applicant
                        .get(applicant.relative(program.location()))
                        .html()
                        .select("[data-testid=upload-problem]")
                        .text())
                .contains("setup.pdf");
        TestBrowser.Page scripted = upload(
                applicant,
                formAddress,
                formPage,
                1,
                "申请书.pdf",
                ("%PDF-1.7\n1 0 obj\n<< /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\nendobj\n%%EOF\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(applicant
                        .get(applicant.relative(scripted.location()))
                        .html()
                        .select("[data-testid=upload-problem]")
                        .text())
                .as("a PDF that runs a script when opened is refused, saying so")
                .contains("申请书.pdf", "/JavaScript", "自动执行");
        long caseId = Long.parseLong(formAddress.replaceAll("\\D+(\\d+)\\D*", "$1"));
        assertThat(records.materials(caseId)).isEmpty();

        for (int material : requiredMaterials()) {
            TestBrowser.Page added =
                    upload(applicant, formAddress, formPage, material, "材料" + material + ".pdf", TestCases.PDF);
            assertThat(added.status()).isEqualTo(302);
        }
        assertThat(records.materials(caseId)).hasSize(requiredMaterials().size());

        TestBrowser.Page toReview = applicant.post(formAddress, answers);
        assertThat(toReview.status()).as(toReview.body()).isEqualTo(302);
        assertThat(toReview.location()).endsWith("/review");
        Document review = applicant.get(applicant.relative(toReview.location())).html();
        // The answers read as the applicant gave them: in the form's order, a choice by its label, a box as 是.
        List<String> terms = review.select("[data-testid=values] dt").eachText();
        List<String> read = review.select("[data-testid=values] dd").eachText();
        List<FormField> asked = forms.formOf(item.guide()).fields().stream()
                .filter(f -> terms.contains(f.labelZh()))
                .toList();
        assertThat(asked)
                .as("the form's choice and box are on the review")
                .anyMatch(f -> f.type() == FieldType.CHOICE)
                .anyMatch(f -> f.type() == FieldType.CHECKBOX);
        assertThat(terms).startsWith(asked.stream().map(FormField::labelZh).toArray(String[]::new));
        for (int i = 0; i < asked.size(); i++) {
            FormField f = asked.get(i);
            String given = answers.get("values[" + f.key() + "]");
            String expected = switch (f.type()) {
                case CHOICE -> f.option(given).orElseThrow().labelZh();
                case CHECKBOX -> "true".equals(given) ? "是" : "否";
                default -> given;
            };
            assertThat(read.get(i)).as(f.labelZh()).isEqualTo(expected);
        }
        String key = review.selectFirst("input[name=submissionKey]").val();
        String csrf =
                review.selectFirst("form[action$=/submit] input[name=_csrf]").val();
        Map<String, String> submission = Map.of("submissionKey", key, "_csrf", csrf);

        TestBrowser.Page first = applicant.post("/my/cases/" + caseId + "/submit", submission);
        TestBrowser.Page again = applicant.post("/my/cases/" + caseId + "/submit", submission);
        assertThat(first.location()).endsWith("/my/cases/" + caseId + "/receipt");
        assertThat(again.location()).isEqualTo(first.location());
        Document receipt = applicant.get("/my/cases/" + caseId + "/receipt").html();
        String number = receipt.selectFirst("[data-testid=case-number]").text();
        assertThat(CaseNumber.isWellFormed(number)).isTrue();
        assertThat(receipt.selectFirst("[data-testid=query-code]").text()).hasSize(8);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM cases_case WHERE case_number IS NOT NULL AND applicant_account_id = (SELECT id FROM identity_account WHERE username = :u)")
                        .param("u", person.username())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        CaseRow submitted = records.find(caseId).orElseThrow();
        assertThat(submitted.status()).isEqualTo(CaseStatus.SUBMITTED);
        // A draft once submitted cannot be changed.
        assertThat(applicant.get(formAddress).status()).isEqualTo(409);

        // My cases list it; another person sees none of it.
        assertThat(applicant
                        .get("/my/cases")
                        .html()
                        .select("[data-testid=my-cases]")
                        .text())
                .contains(item.name());
        TestBrowser other = new TestBrowser(port);
        String otherName = TestPeople.register(citizens, "钱旁人").username();
        jdbc.sql("UPDATE identity_account SET real_name_level = 4 WHERE username = :u")
                .param("u", otherName)
                .update();
        other.signIn(otherName, TestPeople.PASSWORD);
        assertThat(other.get("/my/cases/" + caseId).status()).isEqualTo(404);
        assertThat(other.get("/my/cases/" + caseId + "/receipt").status()).isEqualTo(404);
        long materialId = records.materials(caseId).get(0).id();
        assertThat(other.get("/my/cases/" + caseId + "/materials/" + materialId).status())
                .isEqualTo(404);
        // Nor through a case of their own: a file is found by its case and its number together.
        String othersDraft = startDraft(other).replaceAll("/form$", "");
        assertThat(other.get(othersDraft + "/materials/" + materialId).status()).isEqualTo(404);
        Document othersForm = other.get(othersDraft + "/form").html();
        assertThat(other.post(
                                othersDraft + "/materials/" + materialId + "/remove",
                                Map.of(
                                        "_csrf",
                                        othersForm
                                                .selectFirst("input[name=_csrf]")
                                                .val()))
                        .status())
                .isEqualTo(404);
        assertThat(records.materials(caseId)).extracting(m -> m.id()).contains(materialId);
        // Another person cannot withdraw it either.
        assertThat(other.post(
                                "/my/cases/" + caseId + "/withdraw",
                                Map.of(
                                        "version",
                                        "0",
                                        "_csrf",
                                        othersForm
                                                .selectFirst("input[name=_csrf]")
                                                .val()))
                        .status())
                .isEqualTo(404);
        assertThat(records.find(caseId).orElseThrow().status()).isEqualTo(CaseStatus.SUBMITTED);
        TestBrowser.Page download = applicant.get("/my/cases/" + caseId + "/materials/" + materialId);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Disposition")).startsWith("attachment");
        assertThat(download.header("Content-Type")).isEqualTo("application/pdf");
    }

    @Test
    void aStaffMemberCannotApplyOnline() {
        TestBrowser clerk = new TestBrowser(port);
        clerk.signInNewStaff(staff, item.organisation().uscc(), CaseAccess.CASE_CLERK);
        assertThat(clerk.get("/apply/" + item.implementationCode()).status()).isEqualTo(403);
    }
}
