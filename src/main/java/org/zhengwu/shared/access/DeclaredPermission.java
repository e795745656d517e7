package org.zhengwu.shared.access;

import java.util.regex.Pattern;

/**
 * A permission a module checks ({@code @PreAuthorize("hasAuthority('catalog.edit')")}, {@code Actor.mayReach}).
 *
 * @param code  dotted lower-case words, by convention starting with the module's code: {@code catalog.edit}
 * @param name  what it lets the holder do, in both languages
 * @param reach whether it works in the holder's organisation only or across their region and the regions below
 */
public record DeclaredPermission(String code, Bilingual name, Reach reach) {

    public static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");
    public static final int MAX_CODE_LENGTH = 60;

    public DeclaredPermission {
        if (code == null
                || code.length() > MAX_CODE_LENGTH
                || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("not a permission code: '" + code
                    + "' (dotted lower-case words such as catalog.edit, at most " + MAX_CODE_LENGTH + " characters)");
        }
        if (name == null || reach == null) {
            throw new IllegalArgumentException("permission " + code + " needs a name and a reach");
        }
    }
}
