package org.zhengwu.licence;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.zhengwu.cases.CaseAccess;
import org.zhengwu.cases.lifecycle.CaseLifecycle;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.cases.lifecycle.CaseRow;
import org.zhengwu.cases.lifecycle.HandlingAction;
import org.zhengwu.catalog.PublishedCatalog;
import org.zhengwu.catalog.PublishedItem;
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.DataScope;
import org.zhengwu.identity.RealNameLevel;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.licence.register.LicenceRecords;
import org.zhengwu.licence.register.LicenceRow;
import org.zhengwu.shared.access.Reach;
import org.zhengwu.support.TestPeople;

/**
 * Licences made the real way: a registered citizen applies online for 个体工商户设立登记 (蜀山区), a clerk of the
 * department approves it at the counter (a 即办件), and the licence module issues the 营业执照 after the decision
 * commits.
 */
@Component
public class LicenceFixtures {

    public static final String ITEM = "个体工商户设立登记";
    public static final String DIVISION = "340104";

    public record Issued(TestPeople.Citizen citizen, long accountId, String caseNumber, LicenceRow licence) {}

    private static long nextStaff = 9_600_000;

    private final CaseLifecycle lifecycle;
    private final CaseRecords cases;
    private final PublishedCatalog catalog;
    private final CitizenAccounts citizens;
    private final JdbcClient jdbc;
    private final LicenceRecords licences;

    LicenceFixtures(
            CaseLifecycle lifecycle,
            CaseRecords cases,
            PublishedCatalog catalog,
            CitizenAccounts citizens,
            JdbcClient jdbc,
            LicenceRecords licences) {
        this.lifecycle = lifecycle;
        this.cases = cases;
        this.catalog = catalog;
        this.citizens = citizens;
        this.jdbc = jdbc;
        this.licences = licences;
    }

    public CitizenAccounts citizens() {
        return citizens;
    }

    public PublishedItem item() {
        return catalog.all().stream()
                .filter(i -> i.name().equals(ITEM) && i.divisionCode().equals(DIVISION))
                .findFirst()
                .orElseThrow();
    }

    public Issued businessLicence(String realName, String tradeName) {
        TestPeople.Citizen citizen = TestPeople.register(citizens, realName);
        long accountId = accountId(citizen.username());
        Actor applicant = new Actor(
                accountId,
                UUID.randomUUID(),
                citizen.username(),
                realName,
                AccountType.PERSON,
                RealNameLevel.IN_PERSON,
                Set.of(),
                Map.of(),
                DataScope.NONE);
        PublishedItem item = item();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("applicant_name", realName);
        values.put("applicant_id_number", citizen.idNumber());
        values.put("contact_mobile", citizen.mobile());
        values.put("uses_trade_name", tradeName == null ? "false" : "true");
        if (tradeName != null) {
            values.put("trade_name", tradeName);
        }
        values.put("organisation_form", "individual");
        values.put("business_division", DIVISION);
        values.put("business_address", "合肥市蜀山区长江西路 100 号");
        values.put("business_scope", "餐饮服务；食品销售");
        values.put("capital", "10");
        values.put("employees", "3");
        values.put("declaration", "true");
        long id = lifecycle.startDraft(applicant, item.implementationCode(), null, values);
        lifecycle.submit(applicant, id, UUID.randomUUID(), draft -> {});
        CaseRow submitted = cases.find(id).orElseThrow();
        lifecycle.act(clerk(item), id, submitted.lockVersion(), HandlingAction.APPROVE_AT_COUNTER, "符合条件，准予登记");
        String caseNumber = submitted.caseNumber();
        LicenceRow licence = await().atMost(Duration.ofSeconds(30))
                .until(() -> licences.findByCase(caseNumber), java.util.Optional::isPresent)
                .orElseThrow();
        return new Issued(citizen, accountId, caseNumber, licence);
    }

    public long accountId(String username) {
        return jdbc.sql("SELECT id FROM identity_account WHERE username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }

    public static Actor clerk(PublishedItem item) {
        long id = nextStaff++;
        return new Actor(
                id,
                UUID.randomUUID(),
                "licence-clerk" + id,
                "窗口人员" + id,
                AccountType.STAFF,
                RealNameLevel.IN_PERSON,
                Set.of(),
                Map.of(CaseAccess.ACCEPT, Reach.ORGANISATION),
                DataScope.of(item.organisation().uscc(), item.divisionCode()));
    }

    public static Actor officer(String uscc, String division) {
        long id = nextStaff++;
        return new Actor(
                id,
                UUID.randomUUID(),
                "licence-officer" + id,
                "证照管理员" + id,
                AccountType.STAFF,
                RealNameLevel.IN_PERSON,
                Set.of(),
                Map.of(LicenceAccess.MANAGE, Reach.ORGANISATION),
                DataScope.of(uscc, division));
    }
}
