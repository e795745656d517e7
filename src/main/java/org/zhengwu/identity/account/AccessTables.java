package org.zhengwu.identity.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengwu.identity.AccessRegistry;
import org.zhengwu.shared.access.DeclaredPermission;
import org.zhengwu.shared.access.ModuleAccess;
import org.zhengwu.shared.access.SuggestedRole;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;

/**
 * Brings identity's tables ({@code identity_permission}, {@code identity_role}, {@code identity_role_permission}) in
 * step with what the modules declare, once the application's beans exist and before it serves a request.
 *
 * <p>It is safe to run on every start and on several nodes at once: all of it happens in one transaction holding a
 * PostgreSQL advisory lock, so nodes take turns, and each writes only what differs from the tables (a start with
 * nothing new writes nothing). What changes who may do what — a role declared, its permissions changed, a role or
 * permission retired — is written to the accountability log as done by {@code system}.
 *
 * <p>A role or permission no module declares any longer is marked retired, never deleted: the accounts that hold
 * the role keep it, visibly, but it grants nothing until a module declares it again. A retired role that accounts
 * still hold cannot be taken over by another module — the start is refused — because its holders would silently
 * gain the new module's permissions.
 */
@Component
class AccessTables implements SmartInitializingSingleton {

    /** The advisory lock the nodes take turns on ("zhwuacc" in ASCII). */
    static final long LOCK = 0x7a68_7775_6163_63L;

    private static final Logger log = LoggerFactory.getLogger(AccessTables.class);
    private static final String SYSTEM = "system";

    private final AccessRegistry registry;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final AccountabilityLog audit;
    private final Clock clock;

    AccessTables(
            AccessRegistry registry,
            JdbcClient jdbc,
            TransactionTemplate transaction,
            AccountabilityLog audit,
            Clock clock) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int changes = synchronise();
        log.info(
                "Permissions and roles of {} modules in step with the database ({} changes)",
                registry.modules().size(),
                changes);
    }

    /** @return the number of rows written */
    int synchronise() {
        Integer changes = transaction.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(:lock)")
                    .param("lock", LOCK)
                    .query()
                    .singleRow();
            return permissions() + roles();
        });
        return changes == null ? 0 : changes;
    }

    private record StoredPermission(String module, String chinese, String english, String reach, boolean retired) {}

    private record StoredRole(String module, String chinese, String english, String audience, boolean retired) {}

    private int permissions() {
        Map<String, StoredPermission> stored = new HashMap<>();
        jdbc.sql(
                        "SELECT code, module, name_zh, name_en, reach, retired_at IS NOT NULL AS retired FROM identity_permission")
                .query((rs, n) -> stored.put(
                        rs.getString("code"),
                        new StoredPermission(
                                rs.getString("module"),
                                rs.getString("name_zh"),
                                rs.getString("name_en"),
                                rs.getString("reach"),
                                rs.getBoolean("retired"))))
                .list();
        int changes = 0;
        Set<String> declared = new LinkedHashSet<>();
        for (ModuleAccess module : registry.modules()) {
            for (DeclaredPermission permission : module.permissions()) {
                declared.add(permission.code());
                StoredPermission wanted = new StoredPermission(
                        module.module(),
                        permission.name().chinese(),
                        permission.name().english(),
                        permission.reach().name(),
                        false);
                StoredPermission now = stored.get(permission.code());
                if (wanted.equals(now)) {
                    continue;
                }
                jdbc.sql("""
                                INSERT INTO identity_permission (code, module, name_zh, name_en, reach, retired_at)
                                VALUES (:code, :module, :zh, :en, :reach, NULL)
                                ON CONFLICT (code) DO UPDATE SET module = EXCLUDED.module, name_zh = EXCLUDED.name_zh,
                                    name_en = EXCLUDED.name_en, reach = EXCLUDED.reach, retired_at = NULL""")
                        .param("code", permission.code())
                        .param("module", wanted.module())
                        .param("zh", wanted.chinese())
                        .param("en", wanted.english())
                        .param("reach", wanted.reach())
                        .update();
                changes++;
                if (now == null || now.retired()) {
                    audit.record(
                            AuditEvent.success(SYSTEM, "identity.permission.declare", "permission", permission.code())
                                    .withDetails(module.module() + ": "
                                            + permission.name().chinese() + " (" + permission.reach() + ")"));
                } else if (!now.reach().equals(wanted.reach()) || !Objects.equals(now.module(), wanted.module())) {
                    // A wider reach widens what every holder sees: the log says so, with the old and the new.
                    audit.record(
                            AuditEvent.success(SYSTEM, "identity.permission.change", "permission", permission.code())
                                    .withDetails("reach " + now.reach() + " → " + wanted.reach() + "; module "
                                            + now.module() + " → " + wanted.module()));
                    log.warn(
                            "Permission {} changed: reach {} → {}, module {} → {}",
                            permission.code(),
                            now.reach(),
                            wanted.reach(),
                            now.module(),
                            wanted.module());
                }
            }
        }
        for (Map.Entry<String, StoredPermission> entry : stored.entrySet()) {
            if (!declared.contains(entry.getKey()) && !entry.getValue().retired()) {
                retirePermission(entry.getKey());
                changes++;
                audit.record(AuditEvent.success(SYSTEM, "identity.permission.retire", "permission", entry.getKey())
                        .withDetails("no module declares it any longer"));
                log.warn("Permission {} is no longer declared by any module; it is kept as retired", entry.getKey());
            }
        }
        return changes;
    }

    private int roles() {
        Map<String, StoredRole> stored = new HashMap<>();
        jdbc.sql("SELECT code, module, name, name_en, audience, retired_at IS NOT NULL AS retired FROM identity_role")
                .query((rs, n) -> stored.put(
                        rs.getString("code"),
                        new StoredRole(
                                rs.getString("module"),
                                rs.getString("name"),
                                rs.getString("name_en"),
                                rs.getString("audience"),
                                rs.getBoolean("retired"))))
                .list();
        Map<String, Set<String>> grants = new HashMap<>();
        jdbc.sql("SELECT role, permission FROM identity_role_permission")
                .query((rs, n) -> grants.computeIfAbsent(rs.getString("role"), r -> new TreeSet<>())
                        .add(rs.getString("permission")))
                .list();
        int changes = 0;
        Set<String> declared = new LinkedHashSet<>();
        for (ModuleAccess module : registry.modules()) {
            for (SuggestedRole role : module.roles()) {
                declared.add(role.code());
                StoredRole wanted = new StoredRole(
                        module.module(),
                        role.name().chinese(),
                        role.name().english(),
                        role.audience().name(),
                        false);
                StoredRole now = stored.get(role.code());
                // A role that moves to another module — retired there and declared here, or declared here in the
                // same release as it left there — would give its holders another module's permissions unseen.
                if (now != null
                        && now.module() != null
                        && !now.module().equals(module.module())
                        && holders(role.code()) > 0) {
                    throw new IllegalStateException("Role " + role.code() + " of module " + module.module()
                            + " has the code of a role of module " + now.module() + (now.retired() ? " (retired)" : "")
                            + " that " + holders(role.code()) + " accounts hold; they would gain the new role's"
                            + " permissions unseen. Choose another code, or remove the old role from those accounts"
                            + " first.");
                }
                if (!wanted.equals(now)) {
                    jdbc.sql("""
                                    INSERT INTO identity_role (code, module, name, name_en, audience, retired_at)
                                    VALUES (:code, :module, :zh, :en, :audience, NULL)
                                    ON CONFLICT (code) DO UPDATE SET module = EXCLUDED.module, name = EXCLUDED.name,
                                        name_en = EXCLUDED.name_en, audience = EXCLUDED.audience, retired_at = NULL""")
                            .param("code", role.code())
                            .param("module", wanted.module())
                            .param("zh", wanted.chinese())
                            .param("en", wanted.english())
                            .param("audience", wanted.audience())
                            .update();
                    changes++;
                }
                Set<String> had = grants.getOrDefault(role.code(), Set.of());
                Set<String> wantedGrants = new TreeSet<>(role.permissions());
                List<String> added = new ArrayList<>();
                List<String> removed = new ArrayList<>();
                for (String permission : wantedGrants) {
                    if (!had.contains(permission)) {
                        jdbc.sql("INSERT INTO identity_role_permission (role, permission) VALUES (:role, :permission)")
                                .param("role", role.code())
                                .param("permission", permission)
                                .update();
                        added.add(permission);
                    }
                }
                for (String permission : had) {
                    if (!wantedGrants.contains(permission)) {
                        jdbc.sql("DELETE FROM identity_role_permission WHERE role = :role AND permission = :permission")
                                .param("role", role.code())
                                .param("permission", permission)
                                .update();
                        removed.add(permission);
                    }
                }
                changes += added.size() + removed.size();
                if (now == null || now.retired()) {
                    audit.record(AuditEvent.success(SYSTEM, "identity.role.declare", "role", role.code())
                            .withDetails(module.module() + ": " + String.join(",", wantedGrants)));
                } else if (!added.isEmpty() || !removed.isEmpty()) {
                    audit.record(AuditEvent.success(SYSTEM, "identity.role.permissions", "role", role.code())
                            .withDetails(describe(added, removed)));
                    log.warn(
                            "Role {} now grants {} (declared by module {})",
                            role.code(),
                            wantedGrants,
                            module.module());
                }
            }
        }
        for (Map.Entry<String, StoredRole> entry : stored.entrySet()) {
            if (!declared.contains(entry.getKey()) && !entry.getValue().retired()) {
                String role = entry.getKey();
                long holders = holders(role);
                retireRole(role);
                changes++;
                audit.record(AuditEvent.success(SYSTEM, "identity.role.retire", "role", role)
                        .withDetails("no module declares it any longer; held by " + holders + " accounts"));
                log.warn(
                        "Role {} is no longer declared by any module; it is kept as retired and grants nothing. {}"
                                + " accounts still hold it until an administrator removes it.",
                        role,
                        holders);
            }
        }
        return changes;
    }

    private static String describe(List<String> added, List<String> removed) {
        List<String> parts = new ArrayList<>();
        added.forEach(p -> parts.add("+" + p));
        removed.forEach(p -> parts.add("-" + p));
        return String.join(",", parts);
    }

    private long holders(String role) {
        return jdbc.sql("SELECT count(*) FROM identity_account_role WHERE role = :role")
                .param("role", role)
                .query(Long.class)
                .single();
    }

    private void retirePermission(String code) {
        jdbc.sql("UPDATE identity_permission SET retired_at = :now WHERE code = :code")
                .param("now", Timestamp.from(clock.instant()))
                .param("code", code)
                .update();
    }

    private void retireRole(String code) {
        jdbc.sql("UPDATE identity_role SET retired_at = :now WHERE code = :code")
                .param("now", Timestamp.from(clock.instant()))
                .param("code", code)
                .update();
    }
}
