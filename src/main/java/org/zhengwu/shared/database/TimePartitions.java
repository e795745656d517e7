package org.zhengwu.shared.database;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The large append-mostly tables (the accountability log, the exchange's access log) are partitioned by month of their
 * time column: a migration makes the table {@code PARTITION BY RANGE} with a default partition and one partition per
 * month, named after the table with {@code _pYYYYMM} appended and bounded by the month's start in Asia/Shanghai. This keeps the months coming:
 * at each start (as the migrations' role, from {@link ModuleMigrations}) and daily (as the application's role, where
 * that role owns the tables), every such table gets its partitions up to three months ahead. The tables
 * are found in the database's catalogue, never named by input. Retention asks for the months wholly before its cutoff
 * and drops them whole instead of deleting their rows one by one.
 *
 * <p>A month whose rows already sit in the default partition (a clock far off, months not made for long) is left
 * there: PostgreSQL cannot attach a partition over rows of the default one, and those rows are still found through the
 * table and removed by row when they expire.
 */
@Component
public class TimePartitions {

    static final int MONTHS_AHEAD = 3;
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final Logger log = LoggerFactory.getLogger(TimePartitions.class);
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Pattern MONTH = Pattern.compile("_p(\\d{6})$");
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMM");

    /** Any constant; only this upkeep takes it. */
    private static final long LOCK = 7_100_423_180_027L;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Clock clock;

    TimePartitions(JdbcClient jdbc, DataSource dataSource, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** One month of a partitioned table: from its first instant (inclusive) to the next month's (exclusive). */
    public record Month(String partition, YearMonth month, Instant from, Instant to) {}

    /** Daily at 02:07, on one node; refused quietly where the application's role does not own the tables. */
    @Scheduled(cron = "0 7 2 * * *", zone = "Asia/Shanghai")
    @SchedulerLock(name = "shared.database.partitions", lockAtMostFor = "PT1H")
    void daily() {
        try {
            int made = addMonthsAhead(dataSource, clock);
            if (made > 0) {
                log.info("Made {} monthly partitions ahead", made);
            }
        } catch (DataAccessException notOwner) {
            log.info(
                    "Monthly partitions are made at the next start by the migrations' role: {}",
                    notOwner.getMostSpecificCause().getMessage());
        }
    }

    /**
     * Makes every missing month from the current one to three ahead for every table partitioned by
     * range of one timestamp column in the current schema. Nodes doing it together make each month once.
     *
     * @return how many partitions were made
     */
    static int addMonthsAhead(DataSource database, Clock clock) {
        JdbcClient jdbc = JdbcClient.create(database);
        YearMonth now = YearMonth.now(clock.withZone(ZONE));
        Integer made = new TransactionTemplate(new DataSourceTransactionManager(database)).execute(transaction -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(:lock)")
                    .param("lock", LOCK)
                    .query()
                    .listOfRows();
            int count = 0;
            for (Map<String, Object> table : partitionedTables(jdbc)) {
                String name = name((String) table.get("table_name"));
                String column = name((String) table.get("column_name"));
                String fallback = (String) table.get("default_partition");
                for (int ahead = 0; ahead <= MONTHS_AHEAD; ahead++) {
                    if (addMonth(jdbc, name, column, fallback, now.plusMonths(ahead))) {
                        count++;
                    }
                }
            }
            return count;
        });
        return made == null ? 0 : made;
    }

    private static List<Map<String, Object>> partitionedTables(JdbcClient jdbc) {
        return jdbc.sql("""
                        SELECT c.relname AS table_name, a.attname AS column_name, d.relname AS default_partition
                        FROM pg_partitioned_table p
                        JOIN pg_class c ON c.oid = p.partrelid
                        JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
                        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = p.partattrs[0]
                        LEFT JOIN pg_class d ON d.oid = p.partdefid
                        WHERE p.partstrat = 'r' AND p.partnatts = 1
                          AND a.atttypid = 'timestamp with time zone'::regtype
                        ORDER BY c.relname""").query().listOfRows();
    }

    private static boolean addMonth(JdbcClient jdbc, String table, String column, String fallback, YearMonth month) {
        String partition = table + "_p" + month.format(SUFFIX);
        Boolean exists = jdbc.sql("SELECT to_regclass(:name) IS NOT NULL")
                .param("name", partition)
                .query(Boolean.class)
                .single();
        if (exists) {
            return false;
        }
        Timestamp from = Timestamp.from(start(month));
        Timestamp to = Timestamp.from(start(month.plusMonths(1)));
        if (fallback != null) {
            // Identifiers cannot be bound; both come from the catalogue and are checked against NAME.
            // The named parameters inside the quoted format are left alone here and bound in the query it makes.
            String query = jdbc.sql("""
                            SELECT format('SELECT EXISTS (SELECT 1 FROM %I WHERE %I >= :from AND %I < :to)',
                                          :fallback, :column, :column)""")
                    .param("fallback", name(fallback))
                    .param("column", column)
                    .query(String.class)
                    .single();
            Boolean occupied = jdbc.sql(query)
                    .param("from", from)
                    .param("to", to)
                    .query(Boolean.class)
                    .single();
            if (occupied) {
                log.warn(
                        "{} keeps its rows of {} in its default partition: a partition cannot be attached over them",
                        table,
                        month);
                return false;
            }
        }
        String create = jdbc.sql(
                        "SELECT format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', "
                                + ":partition, :table, CAST(:from AS TIMESTAMP WITH TIME ZONE), CAST(:to AS TIMESTAMP WITH TIME ZONE))")
                .param("partition", partition)
                .param("table", table)
                .param("from", from)
                .param("to", to)
                .query(String.class)
                .single();
        jdbc.sql(create).update();
        return true;
    }

    /**
     * The monthly partitions of {@code table} that end on or before {@code before} and that the connected role may
     * drop (it owns them), oldest first. Called inside the caller's transaction.
     */
    public List<Month> wholeMonthsBefore(String table, Instant before) {
        return jdbc.sql("""
                        SELECT c.relname AS partition
                        FROM pg_inherits i
                        JOIN pg_class c ON c.oid = i.inhrelid
                        JOIN pg_class p ON p.oid = i.inhparent
                        JOIN pg_namespace n ON n.oid = p.relnamespace AND n.nspname = current_schema()
                        WHERE p.relname = :table AND pg_has_role(current_user, c.relowner, 'USAGE')
                        ORDER BY c.relname""").param("table", name(table)).query(String.class).list().stream()
                .map(partition -> month(table, partition))
                .filter(month -> month != null && !month.to().isAfter(before))
                .toList();
    }

    /**
     * Drops one month of {@code table} with its rows, in the caller's transaction (so a failure later in it brings the
     * month back).
     *
     * @return the number of rows it held
     */
    public long drop(String table, Month month) {
        boolean monthOfTable = jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM pg_inherits i
                                       JOIN pg_class c ON c.oid = i.inhrelid
                                       JOIN pg_class p ON p.oid = i.inhparent
                                       JOIN pg_namespace n ON n.oid = p.relnamespace AND n.nspname = current_schema()
                                       WHERE p.relname = :table AND c.relname = :partition)""")
                .param("table", name(table))
                .param("partition", name(month.partition()))
                .query(Boolean.class)
                .single();
        if (!monthOfTable
                || !month.partition().equals(table + "_p" + month.month().format(SUFFIX))) {
            throw new IllegalArgumentException(month.partition() + " is not a month of " + table);
        }
        String count = jdbc.sql("SELECT format('SELECT count(*) FROM %I', :partition)")
                .param("partition", name(month.partition()))
                .query(String.class)
                .single();
        long rows = jdbc.sql(count).query(Long.class).single();
        String drop = jdbc.sql("SELECT format('DROP TABLE %I', :partition)")
                .param("partition", month.partition())
                .query(String.class)
                .single();
        jdbc.sql(drop).update();
        log.info("Dropped {} ({} rows of {})", month.partition(), rows, month.month());
        return rows;
    }

    private static Month month(String table, String partition) {
        if (!partition.startsWith(table + "_p")) {
            return null;
        }
        Matcher matcher = MONTH.matcher(partition);
        if (!matcher.find() || matcher.start() != table.length()) {
            return null;
        }
        YearMonth month = YearMonth.parse(matcher.group(1), SUFFIX);
        return new Month(partition, month, start(month), start(month.plusMonths(1)));
    }

    static Instant start(YearMonth month) {
        return LocalDate.of(month.getYear(), month.getMonth(), 1)
                .atStartOfDay(ZONE)
                .toInstant();
    }

    private static String name(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a table name: " + name);
        }
        return name;
    }
}
