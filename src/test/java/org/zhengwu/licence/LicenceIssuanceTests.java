package org.zhengwu.licence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Year;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.cases.lifecycle.CaseLifecycle;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.cases.lifecycle.CaseRow;
import org.zhengwu.cases.lifecycle.HandlingAction;
import org.zhengwu.catalog.PublishedItem;
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.DataScope;
import org.zhengwu.identity.RealNameLevel;
import org.zhengwu.licence.document.LicenceDocuments;
import org.zhengwu.licence.document.Verification;
import org.zhengwu.licence.issuance.LicenceIssuance;
import org.zhengwu.licence.register.LicenceRecords;
import org.zhengwu.licence.register.LicenceRow;
import org.zhengwu.licence.register.LicenceStatus;
import org.zhengwu.licence.register.SealedFields;
import org.zhengwu.shared.codes.UnifiedSocialCreditCode;
import org.zhengwu.shared.files.FileStore;
import org.zhengwu.support.ZhengwuTest;

/** A 准予 decision issues the item's licence, sealed, once; a 不予 decision issues none. */
@ZhengwuTest
class LicenceIssuanceTests {

    @Autowired
    LicenceFixtures fixtures;

    @Autowired
    LicenceRecords licences;

    @Autowired
    SealedFields sealed;

    @Autowired
    FileStore files;

    @Autowired
    LicenceDocuments documents;

    @Autowired
    LicenceIssuance issuance;

    @Autowired
    CaseLifecycle lifecycle;

    @Autowired
    CaseRecords cases;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anApprovedRegistrationIssuesASealedBusinessLicenceToTheNewBusiness() throws IOException {
        LicenceFixtures.Issued issued = fixtures.businessLicence("王小明", "合肥市蜀山区王记面馆");
        LicenceRow l = issued.licence();
        PublishedItem item = fixtures.item();

        assertThat(l.name()).isEqualTo("营业执照");
        assertThat(l.typeCode()).isEqualTo("11100000000013338W011");
        assertThat(l.issuerUscc()).isEqualTo(item.organisation().uscc());
        assertThat(l.issuerName()).isEqualTo(item.organisation().name());
        assertThat(l.version()).isEqualTo(1);
        assertThat(l.number())
                .startsWith(String.valueOf(
                        Year.now(org.zhengwu.shared.time.BusinessTime.ZONE).getValue()))
                .hasSize(11);
        assertThat(LicenceIdentifier.parse(l.identifier())).isPresent();
        assertThat(l.identifier())
                .startsWith("1.2.156.3005.2.11100000000013338W011."
                        + item.organisation().uscc() + "." + l.number() + ".001.");
        assertThat(l.status(java.time.LocalDate.now(org.zhengwu.shared.time.BusinessTime.ZONE)))
                .isEqualTo(LicenceStatus.VALID);
        assertThat(l.validUntil()).as("a 营业执照 is 长期").isNull();
        assertThat(l.holderAccountId()).isEqualTo(issued.accountId());

        // The holder is the new 个体工商户, given a 统一社会信用代码 of category 92 in 蜀山区.
        assertThat(l.holderCodeKind()).isEqualTo("001");
        String code = sealed.holderCode(l);
        assertThat(code).startsWith("92340104");
        assertThat(UnifiedSocialCreditCode.isValid(code)).isTrue();
        assertThat(UnifiedSocialCreditCode.organisationCodeCheckHolds(code)).isTrue();
        assertThat(l.holderCodeMasked()).as("an entity's code is public").isEqualTo(code);
        assertThat(sealed.holderName(l)).isEqualTo("合肥市蜀山区王记面馆");

        Map<String, String> values = sealed.values(l);
        assertThat(values)
                .containsEntry("name", "合肥市蜀山区王记面馆")
                .containsEntry("kind", "个体工商户")
                .containsEntry("operator", "王小明")
                .containsEntry("form", "个人经营")
                .containsEntry("scope", "餐饮服务；食品销售");

        byte[] ofd;
        try (InputStream in = files.open(l.fileKey())) {
            ofd = in.readAllBytes();
        }
        assertThat(ofd).hasSize((int) l.fileSize());
        Verification checked = documents.verify(ofd);
        assertThat(checked.outcome()).isEqualTo(Verification.Outcome.VALID);
        assertThat(checked.identifier()).isEqualTo(l.identifier());
        assertThat(checked.signerUscc()).isEqualTo(l.issuerUscc());

        Long audited = jdbc.sql(
                        "SELECT count(*) FROM shared_audit_entry WHERE action = 'licence.issue' AND object_id = :id")
                .param("id", l.identifier())
                .query(Long.class)
                .single();
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void aDecisionDeliveredAgainIssuesNoSecondLicence() {
        LicenceFixtures.Issued issued = fixtures.businessLicence("李四", null);
        assertThat(sealed.holderName(issued.licence()))
                .as("without a trade name the operator's name")
                .isEqualTo("李四");

        LicenceRow again = issuance.issueFor(issued.caseNumber()).orElseThrow();

        assertThat(again.id()).isEqualTo(issued.licence().id());
        assertThat(jdbc.sql("SELECT count(*) FROM licence_licence WHERE case_number = :c")
                        .param("c", issued.caseNumber())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aDeniedCaseIssuesNothing() {
        PublishedItem item = fixtures.item();
        Actor applicant = new Actor(
                9_650_000L + System.nanoTime() % 1000,
                UUID.randomUUID(),
                "denied-applicant",
                "赵六",
                AccountType.PERSON,
                RealNameLevel.IN_PERSON,
                java.util.Set.of(),
                Map.of(),
                DataScope.NONE);
        long id = lifecycle.startDraft(applicant, item.implementationCode(), null, Map.of("applicant_name", "赵六"));
        lifecycle.submit(applicant, id, UUID.randomUUID(), draft -> {});
        CaseRow c = cases.find(id).orElseThrow();
        lifecycle.act(LicenceFixtures.clerk(item), id, c.lockVersion(), HandlingAction.DENY_AT_COUNTER, "经营范围不符合规定");

        assertThat(issuance.issueFor(c.caseNumber())).isEmpty();
        assertThat(licences.findByCase(c.caseNumber())).isEmpty();
    }
}
