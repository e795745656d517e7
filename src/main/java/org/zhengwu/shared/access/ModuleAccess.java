package org.zhengwu.shared.access;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The permissions a module checks and the roles it suggests, declared by the module itself. Each module that checks
 * a permission offers exactly one bean of this type; identity collects them all when the application starts,
 * refuses to start on a clash (two modules declaring one code, a role granting a permission nobody declares), writes
 * them into its tables, shows them — grouped by module, in the reader's language — on the account administration
 * screens, and lets administrators grant the roles. Adding a module therefore touches no file of identity.
 *
 * <p>How a module declares its vocabulary, in its own top-level package (its public API, so that other modules and
 * tests can name the codes):
 *
 * <pre class="code">
 * &#64;Configuration(proxyBeanMethods = false)
 * public class CaseAccess {
 *     public static final String HANDLE = "cases.handle";            // checked with hasAuthority('cases.handle')
 *     public static final String SUPERVISE = "cases.supervise";
 *     public static final String CASE_HANDLER = "CASE_HANDLER";      // a role: granted by administrators
 *
 *     &#64;Bean
 *     ModuleAccess casesModuleAccess() {   // a bean name of its own: "caseAccess" is the class's
 *         return ModuleAccess.of("cases", "办件", "Cases")
 *                 .permission(HANDLE, "受理和办理办件", "Accept and handle cases", Reach.ORGANISATION)
 *                 .permission(SUPERVISE, "督办本地区办件", "Supervise the region's cases", Reach.REGION)
 *                 .staffRole(CASE_HANDLER, "窗口受理人员", "Case handler", HANDLE);
 *     }
 * }
 * </pre>
 *
 * <p>The rules declarations follow:
 *
 * <ul>
 *   <li>Permission codes are dotted lower-case words, role codes upper-case words joined by underscores; each code is
 *       declared by one module only (checked at start-up). By convention a code starts with its module's name
 *       ({@code cases.handle}, {@code CASE_HANDLER}); identity's {@code account.manage}, {@code client.manage} and
 *       {@code audit.read} predate the convention. Codes are stored and granted: never rename one, declare a new
 *       one instead.
 *   <li>A permission is {@link Reach#ORGANISATION} (the holder's own organisation's objects) or
 *       {@link Reach#REGION} (also every object located in the holder's organisation's division and below it). The
 *       module checks one object with {@code actor.mayReach(HANDLE, ownerUscc, divisionCode)} and filters a list
 *       with {@code actor.reachCondition(SCOPE, HANDLE)}, where {@code SCOPE} is its repository's constant
 *       {@code ScopeColumns} (the owner and division columns) and the result a SQL condition with bound
 *       parameters; both follow the declared reach and always agree.
 *   <li>A role grants at least one permission, its module's own or one of a module it depends on. The module
 *       decides what a role grants; a changed list takes effect at the next start, and every change is written to
 *       the accountability log.
 *   <li>A permission or role that disappears from the code is kept in the tables, marked retired, and no
 *       administrator's assignment is dropped: a retired role grants nothing, cannot be granted again, and is shown
 *       as retired on the accounts that still hold it until an administrator removes it. Declaring it again (from the
 *       same module) brings it back.
 *   <li>A module whose API department systems read with their own tokens declares the scope and the paths it opens
 *       ({@link #apiScope}, e.g. {@code cases.read} on {@code /api/v1/cases/**}): identity lets the system
 *       administrator grant it to a connected system with an organisation, and serves {@code GET} on those paths
 *       (and {@code POST} for a {@link #writingApiScope}) to a token carrying the granted scope; the module asks {@code ConnectedSystems.current()} which system reads,
 *       and what it may reach. A scope's code is no permission's, and a path belongs to one scope.
 * </ul>
 *
 * @param module      the module's code, as its package is named ({@code catalog})
 * @param name        the module's name, heading its permissions and roles on the administration screens
 * @param permissions the permissions the module checks, in the order the screens list them
 * @param roles       the roles it suggests, in the order the screens list them
 * @param apiScopes   the scopes its API checks on department systems' tokens ({@link ApiScope}), granted to a
 *                    connected system by the system administrator with the organisation it speaks for
 */
public record ModuleAccess(
        String module,
        Bilingual name,
        List<DeclaredPermission> permissions,
        List<SuggestedRole> roles,
        List<ApiScope> apiScopes) {

    public static final Pattern MODULE = Pattern.compile("[a-z][a-z0-9]*");
    public static final int MAX_MODULE_LENGTH = 40;

    public ModuleAccess {
        if (module == null
                || module.length() > MAX_MODULE_LENGTH
                || !MODULE.matcher(module).matches()) {
            throw new IllegalArgumentException("not a module code: '" + module + "'");
        }
        if (name == null) {
            throw new IllegalArgumentException("module " + module + " needs a name");
        }
        permissions = List.copyOf(permissions);
        roles = List.copyOf(roles);
        apiScopes = List.copyOf(apiScopes);
        Set<String> seen = new HashSet<>();
        for (DeclaredPermission permission : permissions) {
            if (!seen.add(permission.code())) {
                throw new IllegalArgumentException(
                        "module " + module + " declares permission " + permission.code() + " twice");
            }
        }
        seen.clear();
        for (SuggestedRole role : roles) {
            if (!seen.add(role.code())) {
                throw new IllegalArgumentException("module " + module + " declares role " + role.code() + " twice");
            }
        }
        seen.clear();
        for (ApiScope scope : apiScopes) {
            if (!seen.add(scope.code())) {
                throw new IllegalArgumentException("module " + module + " declares scope " + scope.code() + " twice");
            }
        }
    }

    /** A module that declares nothing yet; add its permissions and roles with the methods below. */
    public static ModuleAccess of(String module, String chinese, String english) {
        return new ModuleAccess(module, new Bilingual(chinese, english), List.of(), List.of(), List.of());
    }

    /** This declaration and one more permission. */
    public ModuleAccess permission(String code, String chinese, String english, Reach reach) {
        List<DeclaredPermission> more = new ArrayList<>(permissions);
        more.add(new DeclaredPermission(code, new Bilingual(chinese, english), reach));
        return new ModuleAccess(module, name, more, roles, apiScopes);
    }

    /** This declaration and one more role for members of staff, granting the given permissions. */
    public ModuleAccess staffRole(String code, String chinese, String english, String... permissions) {
        List<SuggestedRole> more = new ArrayList<>(roles);
        more.add(new SuggestedRole(code, new Bilingual(chinese, english), Audience.STAFF, List.of(permissions)));
        return new ModuleAccess(module, name, this.permissions, more, apiScopes);
    }

    /**
     * This declaration and one more scope for department systems' tokens, opening the given API paths to them for
     * reading.
     */
    public ModuleAccess apiScope(String code, String chinese, String english, String... paths) {
        List<ApiScope> more = new ArrayList<>(apiScopes);
        more.add(new ApiScope(code, new Bilingual(chinese, english), List.of(paths)));
        return new ModuleAccess(module, name, permissions, roles, more);
    }

    /**
     * This declaration and one more scope for department systems' tokens, opening the given API paths to them for
     * reading and writing ({@code GET} and {@code POST}): a system that publishes its own data or manages its own
     * subscriptions. The module still checks, object by object, that the system's organisation may write there.
     */
    public ModuleAccess writingApiScope(String code, String chinese, String english, String... paths) {
        List<ApiScope> more = new ArrayList<>(apiScopes);
        more.add(new ApiScope(code, new Bilingual(chinese, english), List.of(paths), true));
        return new ModuleAccess(module, name, permissions, roles, more);
    }
}
