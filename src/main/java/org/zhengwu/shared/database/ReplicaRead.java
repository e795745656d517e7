package org.zhengwu.shared.database;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.transaction.annotation.Transactional;

/**
 * A read that tolerates a second of lag: its read-only transaction is served by the streaming replica when one is
 * configured ({@code ZHENGWU_DB_REPLICA_URL}) and answers, by the primary otherwise. Only for what anyone may see a
 * moment late — the portal's pages, the catalogue's search, the public verification of a licence — never for a read
 * that must see a write just made (a citizen's own case after submitting, a clerk's work, anything that decides a
 * write). A method so marked runs in a read-only transaction of its own when none is active; called inside a
 * transaction, it joins that one and reads where it reads (so a write transaction keeps reading its own writes).
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Transactional(readOnly = true)
public @interface ReplicaRead {}
