package org.zhengwu.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zhengwu.identity.AccessRegistry;
import org.zhengwu.identity.Actors;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.identity.account.AccountRepository;
import org.zhengwu.shared.access.ModuleAccess;
import org.zhengwu.shared.access.Reach;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEntry;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/**
 * A module added to the platform declares its permissions and roles in its own package and touches no file of
 * identity: here a module that exists only in this test (its declaration bean and one endpoint) shows up in the
 * registry and the tables, on the administration screens in both languages, and its role can be granted — after
 * which its holder passes the module's own permission check, with the reach the module declared.
 */
@ZhengwuTest
@Import(NewModuleAccessTests.ExampleModule.class)
@TestPropertySource(properties = "zhengwu.demo-data.enabled=false")
class NewModuleAccessTests {

    /** All a new module adds for its vocabulary: a declaration bean, and the checks in its own controllers. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ExampleModule {

        static final String INSPECT = "example.inspect";
        static final String SUPERVISE = "example.supervise";
        static final String EXAMPLE_INSPECTOR = "EXAMPLE_INSPECTOR";
        static final String EXAMPLE_SUPERVISOR = "EXAMPLE_SUPERVISOR";

        @Bean
        ModuleAccess exampleModuleAccess() {
            return ModuleAccess.of("example", "示例模块", "Example module")
                    .permission(INSPECT, "检查本单位的示例", "Inspect the own organisation's examples", Reach.ORGANISATION)
                    .permission(SUPERVISE, "督查本地区的示例", "Supervise the region's examples", Reach.REGION)
                    .staffRole(EXAMPLE_INSPECTOR, "示例检查员", "Example inspector", INSPECT)
                    .staffRole(EXAMPLE_SUPERVISOR, "示例督查员", "Example supervisor", INSPECT, SUPERVISE);
        }

        @Bean
        Inspections exampleInspections(Actors actors) {
            return new Inspections(actors);
        }
    }

    @RestController
    static class Inspections {

        private final Actors actors;

        Inspections(Actors actors) {
            this.actors = actors;
        }

        @GetMapping("/admin/example/inspections")
        @PreAuthorize("hasAuthority('example.inspect')")
        String inspections() {
            return "supervise reaches " + actors.require().permissions().get(ExampleModule.SUPERVISE);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    AccessRegistry registry;

    @Autowired
    StaffAccounts staff;

    @Autowired
    AccountRepository accounts;

    @Autowired
    AccountabilityLog audit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theModulesPermissionsAndRolesAreKnownStoredAndLogged() {
        assertThat(registry.modules()).extracting(ModuleAccess::module).contains("example");
        assertThat(registry.reachOf(ExampleModule.SUPERVISE)).isEqualTo(Reach.REGION);
        assertThat(registry.staffRole(ExampleModule.EXAMPLE_SUPERVISOR)).isPresent();
        assertThat(jdbc.sql("""
                        SELECT string_agg(rp.permission, ',' ORDER BY rp.permission)
                        FROM identity_role r JOIN identity_role_permission rp ON rp.role = r.code
                        WHERE r.code = 'EXAMPLE_SUPERVISOR' AND r.module = 'example' AND r.retired_at IS NULL""").query(String.class).single()).isEqualTo("example.inspect,example.supervise");
        assertThat(audit.search(
                        new AccountabilityLog.Query("system", "role", null, "identity.role.declare", null, null),
                        100,
                        0))
                .extracting(AuditEntry::objectId)
                .contains(ExampleModule.EXAMPLE_INSPECTOR, ExampleModule.EXAMPLE_SUPERVISOR);
        // The first administrator of a new installation holds every staff role, the new module's too.
        assertThat(accounts.findByUsername("admin").orElseThrow().roles())
                .contains(ExampleModule.EXAMPLE_INSPECTOR, ExampleModule.EXAMPLE_SUPERVISOR);
    }

    @Test
    void theAdministrationScreensListTheModuleInTheReadersLanguage() {
        TestBrowser administrator = new TestBrowser(port);
        administrator.signInNewAdministrator(staff);

        var chinese = administrator.get("/admin/accounts/new").html();
        assertThat(chinese.select("fieldset[data-module] > legend").eachText())
                .containsExactly("基础信息资源库", "办件", "政务服务事项", "示例模块", "共享交换", "统一身份认证", "电子证照");
        assertThat(chinese.select("fieldset[data-module=example] label").eachText())
                .containsExactly("示例检查员", "示例督查员");
        assertThat(chinese.select("#role-EXAMPLE_SUPERVISOR-grants").text())
                .contains("检查本单位的示例")
                .contains("督查本地区的示例 (本地区及下级地区)");
        assertThat(chinese.select("#role-EXAMPLE_SUPERVISOR").attr("aria-describedby"))
                .isEqualTo("role-EXAMPLE_SUPERVISOR-grants");

        var english = administrator.get("/admin/accounts/new?lang=en").html();
        assertThat(english.select("fieldset[data-module] > legend").eachText())
                .containsExactly(
                        "Base data",
                        "Cases",
                        "Service catalogue",
                        "Example module",
                        "Data sharing and exchange",
                        "Identity",
                        "Licences");
        assertThat(english.select("fieldset[data-module=example] label").eachText())
                .containsExactly("Example inspector", "Example supervisor");
        assertThat(english.select("#role-EXAMPLE_SUPERVISOR-grants").text())
                .contains("Supervise the region's examples (Region and the regions below)");

        var roles = administrator.get("/admin/roles?lang=en").html();
        assertThat(roles.select("h2").eachText())
                .contains("Base data", "Service catalogue", "Example module", "Identity");
        assertThat(roles.select("table[data-module=example][data-testid=permissions] tbody tr")
                        .eachText())
                .containsExactly(
                        "Inspect the own organisation's examples example.inspect Own organisation",
                        "Supervise the region's examples example.supervise Region and the regions below");
        assertThat(roles.select("table[data-module=example][data-testid=roles] tbody tr")
                        .eachText())
                .containsExactly(
                        "Example inspector EXAMPLE_INSPECTOR Inspect the own organisation's examples",
                        "Example supervisor EXAMPLE_SUPERVISOR Inspect the own organisation's examples, Supervise the"
                                + " region's examples");
        assertThat(administrator
                        .get("/admin/roles?lang=zh-CN")
                        .html()
                        .select("table[data-module=example][data-testid=permissions] tbody tr")
                        .eachText())
                .containsExactly("检查本单位的示例 example.inspect 本单位", "督查本地区的示例 example.supervise 本地区及下级地区");
    }

    @Test
    void anAdministratorGrantsTheModulesRoleAndItsHolderPassesTheModulesCheck() {
        TestBrowser administrator = new TestBrowser(port);
        administrator.signInNewAdministrator(staff);
        String username = "inspector-" + TestPeople.newMobile();
        long id = staff.create(username, "示例督查", TestBrowser.STAFF_PASSWORD, null, List.of(), "test");

        TestBrowser.Page page = administrator.get("/admin/accounts/" + id);
        assertThat(page.html().select("fieldset[data-module=example] input[name=roles]"))
                .extracting(e -> e.attr("value"))
                .containsExactly(ExampleModule.EXAMPLE_INSPECTOR, ExampleModule.EXAMPLE_SUPERVISOR);
        TestBrowser.Page saved = administrator.postMulti(
                "/admin/accounts/" + id + "/roles",
                Map.of("roles", List.of(ExampleModule.EXAMPLE_SUPERVISOR), "_csrf", List.of(TestBrowser.csrf(page))));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(accounts.findById(id).orElseThrow().roles()).containsExactly(ExampleModule.EXAMPLE_SUPERVISOR);
        assertThat(audit.search(new AccountabilityLog.Query(null, "account", username, null, null, null), 10, 0))
                .extracting(AuditEntry::action, AuditEntry::details)
                .contains(org.assertj.core.groups.Tuple.tuple("identity.account.roles", "[EXAMPLE_SUPERVISOR]"));
        assertThat(administrator.get("/admin/accounts/" + id).html().select("#role-EXAMPLE_SUPERVISOR[checked]"))
                .hasSize(1);

        TestBrowser holder = new TestBrowser(port);
        holder.signInStaff(username, TestBrowser.STAFF_PASSWORD);
        TestBrowser.Page inspections = holder.get("/admin/example/inspections");
        assertThat(inspections.status()).isEqualTo(200);
        assertThat(inspections.body()).isEqualTo("supervise reaches REGION");

        TestBrowser colleague = new TestBrowser(port);
        colleague.signInNewStaff(staff, null);
        assertThat(colleague.get("/admin/example/inspections").status()).isEqualTo(403);
    }
}
