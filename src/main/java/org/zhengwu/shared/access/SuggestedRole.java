package org.zhengwu.shared.access;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A role a module suggests: a name administrators grant to an account, standing for a set of permissions. The
 * permissions are the module's own or those of modules it depends on (identity's platform administrator manages
 * base data); the module that declares a role alone decides what it grants, administrators only decide who holds it.
 *
 * @param code        upper-case words joined by underscores, by convention starting with the module's name:
 *                    {@code CATALOG_EDITOR}; Spring Security sees it as the authority {@code ROLE_<code>}
 * @param name        the role's name in both languages
 * @param audience    who may hold it
 * @param permissions the codes of the permissions it grants, at least one
 */
public record SuggestedRole(String code, Bilingual name, Audience audience, List<String> permissions) {

    public static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
    public static final int MAX_CODE_LENGTH = 40;

    public SuggestedRole {
        if (code == null
                || code.length() > MAX_CODE_LENGTH
                || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("not a role code: '" + code
                    + "' (upper-case words joined by underscores such as CATALOG_EDITOR, at most " + MAX_CODE_LENGTH
                    + " characters)");
        }
        if (name == null || audience == null) {
            throw new IllegalArgumentException("role " + code + " needs a name and an audience");
        }
        if (permissions == null || permissions.isEmpty()) {
            throw new IllegalArgumentException("role " + code + " grants no permission");
        }
        if (new LinkedHashSet<>(permissions).size() != permissions.size()) {
            throw new IllegalArgumentException("role " + code + " names a permission twice: " + permissions);
        }
        permissions = List.copyOf(permissions);
    }

    /** Authority name of the role for Spring Security, as {@code hasRole('ADMIN')} expects. */
    public static String authority(String roleCode) {
        return "ROLE_" + roleCode;
    }
}
