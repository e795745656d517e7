package org.zhengwu.exchange.resource;

/**
 * A published resource taken down (下架) by its provider, announced inside the transaction that withdrew it so that
 * the grants on it end and its subscriptions stop in the same commit.
 *
 * @param code   the resource's code
 * @param reason the provider's reason, as the consumers will read it
 * @param actor  who withdrew it
 */
public record ResourceWithdrawn(String code, String reason, String actor) {}
