package org.zhengwu.identity.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengwu.catalog.CatalogAccess;
import org.zhengwu.identity.AccessRegistry;
import org.zhengwu.identity.IdentityAccess;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.shared.access.ModuleAccess;
import org.zhengwu.shared.access.Reach;
import org.zhengwu.shared.access.SuggestedRole;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEntry;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/**
 * Identity's role and permission tables follow what the modules declare: on a database created before modules
 * declared them (identity's V8 seeded the catalogue's roles), on every start, on several nodes starting at once —
 * and a role a module stops declaring is retired, not taken from the accounts that hold it.
 */
@ZhengwuTest
class AccessTablesTests {

    private static final String RETIRING_ROLE = "TEST_RETIRING";
    private static final String RETIRING_PERMISSION = "example.retiring";

    @LocalServerPort
    int port;

    @Autowired
    AccessTables tables;

    @Autowired
    AccessRegistry registry;

    @Autowired
    List<ModuleAccess> declarations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    AccountabilityLog audit;

    @Autowired
    Clock clock;

    @Autowired
    StaffAccounts staff;

    @Autowired
    AccountRepository accounts;

    @AfterEach
    void removeTheRetiredTestRole() {
        jdbc.sql("DELETE FROM identity_account_role WHERE role = :role")
                .param("role", RETIRING_ROLE)
                .update();
        jdbc.sql("DELETE FROM identity_role WHERE code = :role")
                .param("role", RETIRING_ROLE)
                .update();
        jdbc.sql("DELETE FROM identity_permission WHERE code = :permission")
                .param("permission", RETIRING_PERMISSION)
                .update();
        assertThat(tables.synchronise()).isZero();
    }

    @Test
    void theTablesHoldExactlyWhatTheModulesDeclare() {
        List<String> permissions = jdbc.sql("""
                        SELECT code || '|' || module || '|' || name_zh || '|' || name_en || '|' || reach
                        FROM identity_permission WHERE retired_at IS NULL ORDER BY code""").query(String.class).list();
        List<String> declared = new ArrayList<>();
        registry.modules()
                .forEach(m -> m.permissions()
                        .forEach(p -> declared.add(p.code() + "|" + m.module() + "|"
                                + p.name().chinese() + "|" + p.name().english() + "|" + p.reach())));
        assertThat(permissions).containsExactlyInAnyOrderElementsOf(declared);

        List<String> roles = jdbc.sql("""
                        SELECT r.code || '|' || r.module || '|' || r.name || '|' || r.name_en || '|' || r.audience || '|'
                               || string_agg(rp.permission, ',' ORDER BY rp.permission)
                        FROM identity_role r JOIN identity_role_permission rp ON rp.role = r.code
                        WHERE r.retired_at IS NULL GROUP BY r.code ORDER BY r.code""").query(String.class).list();
        List<String> suggested = new ArrayList<>();
        registry.modules()
                .forEach(m -> m.roles()
                        .forEach(r -> suggested.add(
                                r.code() + "|" + m.module() + "|" + r.name().chinese() + "|"
                                        + r.name().english() + "|" + r.audience() + "|"
                                        + String.join(",", new TreeSet<>(r.permissions())))));
        assertThat(roles).containsExactlyInAnyOrderElementsOf(suggested);

        // The roles identity's V8 created before modules declared their own keep their codes and permissions; ADMIN,
        // now the demo's three administrators in one, gained those split off for the security administrator.
        assertThat(roles)
                .anyMatch(r -> r.equals("ADMIN|identity|三员合一（仅演示）|All three administrators (demo only)|STAFF|"
                        + "account.grant,account.manage,account.secure,audit.read,basedata.manage,client.manage,"
                        + "crypto.keys,shared.calendar.manage"))
                .anyMatch(r -> r.startsWith("CATALOG_EDITOR|catalog|"))
                .anyMatch(r -> r.endsWith("|catalog.review"))
                .anyMatch(r -> r.startsWith("IDENTITY_CLERK|identity|"));
        assertThat(jdbc.sql("SELECT count(*) FROM identity_role WHERE retired_at IS NOT NULL")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(registry.reachOf(CatalogAccess.REVIEW)).isEqualTo(Reach.REGION);
        assertThat(registry.reachOf(CatalogAccess.EDIT)).isEqualTo(Reach.ORGANISATION);
    }

    @Test
    void theInitialAdministratorHoldsEveryStaffRole() {
        assertThat(accounts.findByUsername("admin").orElseThrow().roles())
                .containsExactlyInAnyOrderElementsOf(
                        registry.staffRoles().stream().map(SuggestedRole::code).toList());
    }

    @Test
    void aStartWithNothingNewWritesNothing() {
        assertThat(tables.synchronise()).isZero();
        assertThat(tables.synchronise()).isZero();
    }

    @Test
    void nodesStartingTogetherTakeTurnsAndRepairTheTablesOnce() throws Exception {
        long before = lastAuditSeq();
        jdbc.sql("UPDATE identity_permission SET name_en = 'stale' WHERE code = :code")
                .param("code", CatalogAccess.EDIT)
                .update();
        jdbc.sql("DELETE FROM identity_role_permission WHERE role = :role")
                .param("role", CatalogAccess.CATALOG_REVIEWER)
                .update();
        jdbc.sql("INSERT INTO identity_role_permission (role, permission) VALUES (:role, :permission)")
                .param("role", CatalogAccess.CATALOG_EDITOR)
                .param("permission", IdentityAccess.AUDIT_READ)
                .update();

        int nodes = 4;
        CyclicBarrier together = new CyclicBarrier(nodes);
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        List<Future<Integer>> starts = new ArrayList<>();
        try {
            for (int i = 0; i < nodes; i++) {
                starts.add(pool.submit(() -> {
                    together.await();
                    return tables.synchronise();
                }));
            }
            int changes = 0;
            for (Future<Integer> start : starts) {
                changes += start.get();
            }
            assertThat(changes).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }

        theTablesHoldExactlyWhatTheModulesDeclare();
        List<AuditEntry> logged = auditSince(before);
        assertThat(logged)
                .filteredOn(e -> e.action().equals("identity.role.permissions"))
                .extracting(AuditEntry::objectId, AuditEntry::details, AuditEntry::actor)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                CatalogAccess.CATALOG_REVIEWER, "+" + CatalogAccess.REVIEW, "system"),
                        org.assertj.core.groups.Tuple.tuple(
                                CatalogAccess.CATALOG_EDITOR, "-" + IdentityAccess.AUDIT_READ, "system"));
    }

    @Test
    void aRoleNoModuleDeclaresAnyLongerIsRetiredAndGrantsNothingButStaysWithItsHolders() {
        long holder = holderOfRetiringRole();
        assertThat(accounts.permissionsOf(Set.of(RETIRING_ROLE))).containsExactly(RETIRING_PERMISSION);
        long before = lastAuditSeq();

        assertThat(tables.synchronise()).isEqualTo(2);

        Account account = accounts.findById(holder).orElseThrow();
        assertThat(account.roles()).containsExactly(CatalogAccess.CATALOG_EDITOR);
        assertThat(account.retiredRoles()).containsExactly(RETIRING_ROLE);
        assertThat(accounts.permissionsOf(Set.of(RETIRING_ROLE))).isEmpty();
        assertThat(accounts.permissionsOf(account.roles())).containsExactly(CatalogAccess.EDIT);
        assertThat(accounts.retiredRoles())
                .extracting(AccountRepository.RetiredRole::code, AccountRepository.RetiredRole::holders)
                .contains(org.assertj.core.groups.Tuple.tuple(RETIRING_ROLE, 1L));
        assertThat(auditSince(before))
                .extracting(AuditEntry::action, AuditEntry::objectId)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("identity.role.retire", RETIRING_ROLE),
                        org.assertj.core.groups.Tuple.tuple("identity.permission.retire", RETIRING_PERMISSION));
        assertThat(tables.synchronise()).isZero();
    }

    @Test
    void administratorsSeeARetiredRoleOnItsHoldersAndMayRemoveItButNeverGrantIt() {
        long holder = holderOfRetiringRole();
        tables.synchronise();
        long other = staff.create(
                "plain-" + TestPeople.newMobile(),
                "未持有者",
                TestBrowser.STAFF_PASSWORD,
                null,
                List.of(CatalogAccess.CATALOG_EDITOR),
                "test");
        TestBrowser administrator = new TestBrowser(port);
        administrator.signInNewAdministrator(staff);

        TestBrowser.Page page = administrator.get("/admin/accounts/" + holder);
        assertThat(page.html().select("[data-module=retired] input[name=roles][checked]"))
                .extracting(e -> e.attr("value"))
                .containsExactly(RETIRING_ROLE);
        assertThat(page.html().select("[data-module=retired]").text()).contains("不授予任何权限");
        assertThat(administrator
                        .get("/admin/accounts?q="
                                + accounts.findById(holder).orElseThrow().username())
                        .html()
                        .select("table.table tbody")
                        .text())
                .contains("事项编制人员")
                .contains(RETIRING_ROLE + " (已停用)");
        assertThat(administrator
                        .get("/admin/roles")
                        .html()
                        .select("[data-testid=retired-roles]")
                        .text())
                .contains(RETIRING_ROLE);

        // Granting it to an account that does not hold it is refused; nothing changes.
        TestBrowser.Page otherPage = administrator.get("/admin/accounts/" + other);
        assertThat(otherPage.html().select("input[value=" + RETIRING_ROLE + "]"))
                .isEmpty();
        TestBrowser.Page refused = administrator.postMulti(
                "/admin/accounts/" + other + "/roles",
                Map.of(
                        "roles",
                        List.of(CatalogAccess.CATALOG_EDITOR, RETIRING_ROLE),
                        "_csrf",
                        List.of(TestBrowser.csrf(otherPage))));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.html().select("#roles-error").text()).contains("请选择一项");
        assertThat(accounts.findById(other).orElseThrow().retiredRoles()).isEmpty();

        // Keeping it ticked keeps it; unticking it removes it, and the log says so.
        administrator.postMulti(
                "/admin/accounts/" + holder + "/roles",
                Map.of(
                        "roles",
                        List.of(CatalogAccess.CATALOG_EDITOR, RETIRING_ROLE),
                        "_csrf",
                        List.of(TestBrowser.csrf(page))));
        assertThat(accounts.findById(holder).orElseThrow().retiredRoles()).containsExactly(RETIRING_ROLE);
        long before = lastAuditSeq();
        administrator.postMulti(
                "/admin/accounts/" + holder + "/roles",
                Map.of("roles", List.of(CatalogAccess.CATALOG_EDITOR), "_csrf", List.of(TestBrowser.csrf(page))));
        Account account = accounts.findById(holder).orElseThrow();
        assertThat(account.retiredRoles()).isEmpty();
        assertThat(account.roles()).containsExactly(CatalogAccess.CATALOG_EDITOR);
        assertThat(auditSince(before))
                .extracting(AuditEntry::action, AuditEntry::objectId, AuditEntry::details)
                .contains(org.assertj.core.groups.Tuple.tuple(
                        "identity.account.roles", account.username(), "[" + CatalogAccess.CATALOG_EDITOR + "]"));
    }

    @Test
    void aRetiredRoleReturnsWhenItsModuleDeclaresItAgainButNoOtherModuleMayTakeItsCode() {
        long holder = holderOfRetiringRole();
        tables.synchronise();

        ModuleAccess stranger = ModuleAccess.of("stranger", "外来模块", "Stranger")
                .permission("stranger.act", "行事", "Act", Reach.REGION)
                .staffRole(RETIRING_ROLE, "外来角色", "Stranger's role", "stranger.act");
        assertThatIllegalStateException()
                .isThrownBy(() -> tablesDeclaring(stranger).synchronise())
                .withMessageContaining(RETIRING_ROLE)
                .withMessageContaining("module stranger")
                .withMessageContaining("module example")
                .withMessageContaining("1 accounts");
        assertThat(accounts.findById(holder).orElseThrow().retiredRoles()).containsExactly(RETIRING_ROLE);
        assertThat(jdbc.sql("SELECT count(*) FROM identity_permission WHERE code = 'stranger.act'")
                        .query(Long.class)
                        .single())
                .as("the refused start changed nothing")
                .isZero();

        ModuleAccess example = ModuleAccess.of("example", "示例", "Example")
                .permission(RETIRING_PERMISSION, "示例权限", "Example permission", Reach.ORGANISATION)
                .staffRole(RETIRING_ROLE, "示例角色", "Example role", RETIRING_PERMISSION);
        long before = lastAuditSeq();
        tablesDeclaring(example).synchronise();

        Account account = accounts.findById(holder).orElseThrow();
        assertThat(account.roles()).contains(RETIRING_ROLE);
        assertThat(account.retiredRoles()).isEmpty();
        assertThat(accounts.permissionsOf(account.roles())).contains(RETIRING_PERMISSION);
        assertThat(auditSince(before))
                .extracting(AuditEntry::action, AuditEntry::objectId)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("identity.role.declare", RETIRING_ROLE),
                        org.assertj.core.groups.Tuple.tuple("identity.permission.declare", RETIRING_PERMISSION));
    }

    @Test
    void aPermissionWhoseReachWidensIsLoggedWithTheOldAndTheNew() {
        holderOfRetiringRole();
        ModuleAccess widened = ModuleAccess.of("example", "示例", "Example")
                .permission(RETIRING_PERMISSION, "示例权限", "Example permission", Reach.REGION)
                .staffRole(RETIRING_ROLE, "示例角色", "Example role", RETIRING_PERMISSION);
        long before = lastAuditSeq();
        tablesDeclaring(widened).synchronise();
        assertThat(jdbc.sql("SELECT reach FROM identity_permission WHERE code = :code")
                        .param("code", RETIRING_PERMISSION)
                        .query(String.class)
                        .single())
                .isEqualTo("REGION");
        assertThat(auditSince(before))
                .extracting(AuditEntry::action, AuditEntry::objectId, AuditEntry::details)
                .contains(org.assertj.core.groups.Tuple.tuple(
                        "identity.permission.change",
                        RETIRING_PERMISSION,
                        "reach ORGANISATION → REGION; module example → example"));
    }

    /** A role leaving one module and arriving in another in the same release would hand its holders new powers. */
    @Test
    void aHeldRoleMayNotMoveToAnotherModuleEvenInTheSameRelease() {
        long holder = holderOfRetiringRole();
        ModuleAccess example = ModuleAccess.of("example", "示例", "Example")
                .permission(RETIRING_PERMISSION, "示例权限", "Example permission", Reach.ORGANISATION)
                .staffRole(RETIRING_ROLE, "示例角色", "Example role", RETIRING_PERMISSION);
        tablesDeclaring(example).synchronise();
        assertThat(accounts.findById(holder).orElseThrow().roles()).contains(RETIRING_ROLE);

        ModuleAccess stranger = ModuleAccess.of("stranger", "外来模块", "Stranger")
                .permission("stranger.act", "行事", "Act", Reach.REGION)
                .staffRole(RETIRING_ROLE, "外来角色", "Stranger's role", "stranger.act");
        assertThatIllegalStateException()
                .isThrownBy(() -> tablesDeclaring(stranger).synchronise())
                .withMessageContaining("Role " + RETIRING_ROLE + " of module stranger")
                .withMessageContaining("of module example that 1 accounts hold");
        assertThat(jdbc.sql("SELECT module FROM identity_role WHERE code = :code")
                        .param("code", RETIRING_ROLE)
                        .query(String.class)
                        .single())
                .as("the refused start changed nothing")
                .isEqualTo("example");
    }

    /** The application's tables as a node would keep them whose code also had the given module. */
    private AccessTables tablesDeclaring(ModuleAccess extra) {
        List<ModuleAccess> all = new ArrayList<>(declarations);
        all.add(extra);
        return new AccessTables(new AccessRegistry(all), jdbc, transaction, audit, clock);
    }

    /**
     * A role and permission of a module "example" as a node with that module would have left them, and a member of
     * staff holding the role beside a declared one.
     */
    private long holderOfRetiringRole() {
        jdbc.sql("""
                        INSERT INTO identity_permission (code, module, name_zh, name_en, reach)
                        VALUES (:code, 'example', '示例权限', 'Example permission', 'ORGANISATION')""").param("code", RETIRING_PERMISSION).update();
        jdbc.sql("""
                        INSERT INTO identity_role (code, module, name, name_en, audience)
                        VALUES (:code, 'example', '示例角色', 'Example role', 'STAFF')""").param("code", RETIRING_ROLE).update();
        jdbc.sql("INSERT INTO identity_role_permission (role, permission) VALUES (:role, :permission)")
                .param("role", RETIRING_ROLE)
                .param("permission", RETIRING_PERMISSION)
                .update();
        long id = staff.create(
                "holder-" + TestPeople.newMobile(),
                "持有者",
                TestBrowser.STAFF_PASSWORD,
                null,
                List.of(CatalogAccess.CATALOG_EDITOR),
                "test");
        jdbc.sql("INSERT INTO identity_account_role (account_id, role) VALUES (:id, :role)")
                .param("id", id)
                .param("role", RETIRING_ROLE)
                .update();
        return id;
    }

    private long lastAuditSeq() {
        return jdbc.sql("SELECT coalesce(max(seq), 0) FROM shared_audit_entry")
                .query(Long.class)
                .single();
    }

    private List<AuditEntry> auditSince(long seq) {
        return audit.search(new AccountabilityLog.Query(null, null, null, null, null, null), 1000, 0).stream()
                .filter(e -> e.seq() > seq)
                .toList();
    }
}
