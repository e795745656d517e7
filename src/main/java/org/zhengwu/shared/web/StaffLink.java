package org.zhengwu.shared.web;

import java.util.Collection;
import java.util.Set;

/**
 * A piece of work a module offers its staff (办件工作台, 电子监察, 证照管理): declared as a bean by the module and listed on
 * the administration home, in {@code order}, to staff holding any of {@code authorities} — so that the portal links to
 * pages of modules it does not know.
 *
 * @param titleKey and {@code hintKey}: texts from the declaring module's messages
 */
public record StaffLink(String path, String titleKey, String hintKey, Set<String> authorities, int order) {

    public StaffLink {
        if (path == null || !path.startsWith("/") || path.startsWith("//")) {
            throw new IllegalArgumentException("a staff link is a path of this platform: " + path);
        }
        if (authorities == null || authorities.isEmpty()) {
            throw new IllegalArgumentException("a staff link names the authorities that see it: " + path);
        }
        authorities = Set.copyOf(authorities);
    }

    public boolean shownTo(Collection<String> held) {
        return held.stream().anyMatch(authorities::contains);
    }
}
