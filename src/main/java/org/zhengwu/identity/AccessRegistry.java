package org.zhengwu.identity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.zhengwu.shared.access.ApiScope;
import org.zhengwu.shared.access.Audience;
import org.zhengwu.shared.access.DeclaredPermission;
import org.zhengwu.shared.access.ModuleAccess;
import org.zhengwu.shared.access.Reach;
import org.zhengwu.shared.access.SuggestedRole;

/**
 * Every module's permissions and roles, as the modules declare them ({@link ModuleAccess} beans): the one place that
 * knows which permissions exist, how far each reaches and which roles may be granted. The declarations are checked
 * together when the application starts — a code declared twice, or a role granting a permission no module declares,
 * stops the start with a message naming both sides — and identity writes them into its tables before the first
 * request.
 */
@Service
public class AccessRegistry {

    private final List<ModuleAccess> modules;
    private final Map<String, DeclaredPermission> permissions = new LinkedHashMap<>();
    private final Map<String, String> permissionModules = new LinkedHashMap<>();
    private final Map<String, SuggestedRole> roles = new LinkedHashMap<>();
    private final Map<String, String> roleModules = new LinkedHashMap<>();
    private final Map<String, ApiScope> apiScopes = new LinkedHashMap<>();
    private final Map<String, String> apiScopeModules = new LinkedHashMap<>();

    public AccessRegistry(List<ModuleAccess> declarations) {
        List<ModuleAccess> sorted = new ArrayList<>(declarations);
        sorted.sort(Comparator.comparing(ModuleAccess::module));
        this.modules = List.copyOf(sorted);
        Map<String, ModuleAccess> byCode = new LinkedHashMap<>();
        for (ModuleAccess module : modules) {
            if (byCode.putIfAbsent(module.module(), module) != null) {
                throw new IllegalStateException("Two declarations of access for module " + module.module()
                        + ": a module declares its permissions and roles in one ModuleAccess bean");
            }
            for (DeclaredPermission permission : module.permissions()) {
                String other = permissionModules.putIfAbsent(permission.code(), module.module());
                if (other != null) {
                    throw new IllegalStateException("Permission " + permission.code() + " is declared by module "
                            + other + " and by module " + module.module() + ": each code belongs to one module");
                }
                permissions.put(permission.code(), permission);
            }
        }
        for (ModuleAccess module : modules) {
            for (SuggestedRole role : module.roles()) {
                String other = roleModules.putIfAbsent(role.code(), module.module());
                if (other != null) {
                    throw new IllegalStateException("Role " + role.code() + " is declared by module " + other
                            + " and by module " + module.module() + ": each code belongs to one module");
                }
                for (String permission : role.permissions()) {
                    if (!permissions.containsKey(permission)) {
                        throw new IllegalStateException("Role " + role.code() + " of module " + module.module()
                                + " grants permission " + permission + ", which no module declares");
                    }
                }
                roles.put(role.code(), role);
            }
        }
        Map<String, String> pathScopes = new LinkedHashMap<>();
        for (ModuleAccess module : modules) {
            for (ApiScope scope : module.apiScopes()) {
                String other = apiScopeModules.putIfAbsent(scope.code(), module.module());
                if (other != null) {
                    throw new IllegalStateException("Scope " + scope.code() + " is declared by module " + other
                            + " and by module " + module.module() + ": each code belongs to one module");
                }
                if (permissions.containsKey(scope.code())) {
                    throw new IllegalStateException("Scope " + scope.code() + " of module " + module.module()
                            + " is also a permission's code: a scope is granted to systems, a permission to people");
                }
                for (String path : scope.paths()) {
                    String claimed = pathScopes.putIfAbsent(path, scope.code());
                    if (claimed != null) {
                        throw new IllegalStateException("Path " + path + " is opened by scope " + claimed
                                + " and by scope " + scope.code() + ": each path belongs to one scope");
                    }
                }
                apiScopes.put(scope.code(), scope);
            }
        }
    }

    /** Every scope a module's API checks on department systems' tokens, module by module. */
    public List<ApiScope> apiScopes() {
        return List.copyOf(apiScopes.values());
    }

    public Optional<ApiScope> apiScope(String code) {
        return Optional.ofNullable(apiScopes.get(code));
    }

    /** Every module's declaration, ordered by module code. */
    public List<ModuleAccess> modules() {
        return modules;
    }

    public Optional<DeclaredPermission> permission(String code) {
        return Optional.ofNullable(permissions.get(code));
    }

    /** Every declared permission by its code, module by module (a copy: templates look names up in it). */
    public Map<String, DeclaredPermission> permissions() {
        return new LinkedHashMap<>(permissions);
    }

    /**
     * How far a permission reaches. A code no module declares reaches no further than the holder's organisation, so
     * that a mistyped code can never widen anyone's access.
     */
    public Reach reachOf(String permission) {
        DeclaredPermission declared = permissions.get(permission);
        return declared == null ? Reach.ORGANISATION : declared.reach();
    }

    /** The module that declares a permission. */
    public Optional<String> moduleOfPermission(String permission) {
        return Optional.ofNullable(permissionModules.get(permission));
    }

    public Optional<SuggestedRole> role(String code) {
        return Optional.ofNullable(roles.get(code));
    }

    /** The module that declares a role. */
    public Optional<String> moduleOfRole(String role) {
        return Optional.ofNullable(roleModules.get(role));
    }

    /** The role, if it is declared for members of staff: the only roles an administrator may grant. */
    public Optional<SuggestedRole> staffRole(String code) {
        return role(code).filter(r -> r.audience() == Audience.STAFF);
    }

    /** Every role declared for members of staff, module by module. */
    public List<SuggestedRole> staffRoles() {
        return roles.values().stream()
                .filter(r -> r.audience() == Audience.STAFF)
                .toList();
    }
}
