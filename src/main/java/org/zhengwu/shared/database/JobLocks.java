package org.zhengwu.shared.database;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled jobs run once across nodes: a job's {@code @Scheduled} method also carries ShedLock's
 * {@code @SchedulerLock}, so that of the nodes whose schedulers fire at the same minute one takes the job's row in
 * {@value #TABLE} and runs it, and the others skip. The row stays taken for the job's {@code lockAtLeastFor} after it
 * finished (by default a minute, more than nodes' clocks and schedulers drift apart), so a node firing a little later
 * does not run the period again; a node that dies holding it frees it after {@code lockAtMostFor}. Times are the
 * database's, not the nodes'.
 *
 * <p>The advisory locks and row locks inside the jobs stay: they keep a job's own work safe when it is started by hand
 * (a test, an operator) or runs longer than its {@code lockAtMostFor}. Pollers that every node runs on purpose (the
 * exchange's delivery worker and broker relay, which claim rows with {@code FOR UPDATE SKIP LOCKED}) carry no lock.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT50M", defaultLockAtLeastFor = "PT1M")
class JobLocks {

    static final String TABLE = "shared_job_lock";

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName(TABLE)
                .usingDbTime()
                .build());
    }
}
