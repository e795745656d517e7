package org.zhengwu.identity;

import java.util.Set;

/**
 * The permissions roles grant (table {@code identity_role_permission}); each is a Spring Security authority of its
 * own, so that method checks read {@code hasAuthority('catalog.edit')} whatever role carries it.
 */
public final class Permission {

    public static final String ACCOUNT_MANAGE = "account.manage";
    public static final String CLIENT_MANAGE = "client.manage";
    public static final String AUDIT_READ = "audit.read";
    public static final String BASEDATA_MANAGE = "basedata.manage";
    public static final String CATALOG_EDIT = "catalog.edit";
    public static final String CATALOG_REVIEW = "catalog.review";
    public static final String VERIFY_IN_PERSON = "identity.verify-in-person";

    /**
     * Permissions exercised across the holder's region rather than within their own organisation: a reviewer at a
     * city's 政务服务管理局 reviews every department of the city and of the counties below it.
     */
    private static final Set<String> REGION_WIDE = Set.of(CATALOG_REVIEW);

    private Permission() {}

    public static boolean worksAcrossRegion(String permission) {
        return REGION_WIDE.contains(permission);
    }
}
