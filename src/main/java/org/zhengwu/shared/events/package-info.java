/**
 * The event publication registry (Spring Modulith's transactional outbox, table {@code event_publication}) kept
 * moving: publications whose listener failed are delivered again.
 */
package org.zhengwu.shared.events;
