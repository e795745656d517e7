package org.zhengwu.catalog;

/**
 * The published entries of an organisation were indexed again without a new version — its name changed — so what
 * the portal shows of them changed. Published after the index change commits.
 */
public record ItemsReindexed(String organisationUscc, int entries) {}
