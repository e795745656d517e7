package org.zhengwu.shared.access;

import java.util.List;
import java.util.regex.Pattern;

/**
 * An OAuth 2 scope a module's API checks on the tokens of department systems (client credentials), and the API
 * paths it opens to them: for reading ({@code GET}) always, and also for writing ({@code POST}) when {@code writes}
 * (a system publishing its data, managing its subscriptions). The system administrator grants a scope to a connected system
 * together with the organisation the system speaks for; a bearer token is then accepted on these paths when it
 * carries the scope and the grant still stands, and the module decides what the system may read with the
 * organisation's reach ({@code ConnectedSystem.mayReach}).
 *
 * @param code  dotted lower-case words starting with the module's code, like a permission: {@code cases.read}
 * @param name  what it lets a system read, in both languages
 * @param paths the path patterns it opens, under {@code /api/} ({@code /api/v1/cases/**})
 * @param writes whether the paths also answer {@code POST} to a token with the scope; false for a reading scope
 */
public record ApiScope(String code, Bilingual name, List<String> paths, boolean writes) {

    /** A reading scope: its paths answer {@code GET} only. */
    public ApiScope(String code, Bilingual name, List<String> paths) {
        this(code, name, paths, false);
    }

    public static final Pattern PATH = Pattern.compile("/api/[A-Za-z0-9_./{}*-]+");

    public ApiScope {
        if (code == null
                || code.length() > DeclaredPermission.MAX_CODE_LENGTH
                || !DeclaredPermission.CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("not a scope code: '" + code
                    + "' (dotted lower-case words such as cases.read, at most " + DeclaredPermission.MAX_CODE_LENGTH
                    + " characters)");
        }
        if (name == null) {
            throw new IllegalArgumentException("scope " + code + " needs a name");
        }
        paths = List.copyOf(paths);
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("scope " + code + " opens no path");
        }
        for (String path : paths) {
            if (!PATH.matcher(path).matches()) {
                throw new IllegalArgumentException("scope " + code + ": '" + path + "' is not a path under /api/");
            }
        }
    }
}
