package org.zhengwu.shared.web;

/**
 * A page of a person's own things that a module offers (我的办件, 我的证照): declared as a bean by the module, listed
 * on the 个人中心 page in {@code order}, so that the identity module links to pages of modules it does not know.
 *
 * @param messageKey the link's text, from the declaring module's messages
 */
public record PersonalLink(String path, String messageKey, int order) {

    public PersonalLink {
        if (path == null || !path.startsWith("/") || path.startsWith("//")) {
            throw new IllegalArgumentException("a personal link is a path of this platform: " + path);
        }
    }
}
