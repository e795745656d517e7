package org.zhengwu.shared.database;

import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * What a cache of lag-tolerant reads needs to know about the replica. A cache evicted when something is published
 * may be filled again at once by a {@link ReplicaRead} from a replica that has not replayed the change yet, and would
 * then keep the old answer until it expires; {@link #evict} evicts again as soon as the replica has caught up.
 * Without a replica it just evicts.
 */
@Component
public class ReplicaReads {

    private final ReplicaDataSource replica;

    ReplicaReads(DataSource dataSource) {
        this.replica = dataSource instanceof ReplicaConfiguration.RoutingDataSource routing ? routing.reads() : null;
    }

    /**
     * Runs {@code eviction} now and, with a replica, once more when the replica has replayed everything the primary
     * has committed by now (in a background thread, at the latest after {@code zhengwu.database.replica.replay-wait}).
     * Call it after the commit of the change (a transactional event listener).
     */
    public void evict(Runnable eviction) {
        eviction.run();
        if (replica != null) {
            replica.afterReplay(eviction);
        }
    }
}
