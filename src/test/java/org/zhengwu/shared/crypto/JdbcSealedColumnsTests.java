package org.zhengwu.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The re-sealing of one module's column, batch by batch: in key order across a composite key, each row's own context,
 * a row changed meanwhile left to its writer, a value no configured key opens counted and passed over (never looped
 * on), and a second pass with nothing to do.
 */
class JdbcSealedColumnsTests {

    private static final String A = key(1);
    private static final String B = key(2);
    private static final String C = key(3);
    private static final String INDEX = Base64.getEncoder().encodeToString(new byte[32]);

    static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void batchesWalkTheKeyAndLeaveWhatTheyCannotOpen(@TempDir Path dir) {
        JdbcTemplate template = new JdbcTemplate(postgres.getPostgresDatabase());
        JdbcClient jdbc = JdbcClient.create(template);
        jdbc.sql("CREATE TABLE sealed_test (kind TEXT, n INT, secret BYTEA, PRIMARY KEY (kind, n))")
                .update();
        PlatformKeys a = new PlatformKeys(A, INDEX, dir.toString());
        PlatformKeys c = new PlatformKeys(C, INDEX, dir.toString());
        for (String kind : List.of("x", "y")) {
            for (int n = 1; n <= 5; n++) {
                jdbc.sql("INSERT INTO sealed_test VALUES (:kind, :n, :secret)")
                        .param("kind", kind)
                        .param("n", n)
                        .param("secret", a.encrypt(kind + n, "test:" + kind))
                        .update();
            }
        }
        jdbc.sql("INSERT INTO sealed_test VALUES ('x', 6, NULL)").update();
        jdbc.sql("UPDATE sealed_test SET secret = :secret WHERE kind = 'y' AND n = 3")
                .param("secret", c.encrypt("y3", "test:y"))
                .update();

        PlatformKeys b = new PlatformKeys(B, A, INDEX, dir.toString());
        SealedColumn column = SealedColumn.withContextFrom("sealed_test", "secret", "test:", "kind", "kind", "n");
        JdbcSealedColumns owner = new JdbcSealedColumns("test", template, b) {
            @Override
            public List<SealedColumn> columns() {
                return List.of(column);
            }
        };
        assertThat(owner.census(column))
                .containsExactlyInAnyOrderEntriesOf(Map.of(a.fieldKeyId(), 9L, c.fieldKeyId(), 1L));

        List<SealedColumns.Batch> batches = new ArrayList<>();
        SealedColumns.Batch first = owner.reseal(column, null, 3);
        batches.add(first);
        assertThat(first.last()).containsExactly("x", 3);
        // Meanwhile a writer replaces x5, under the current key.
        jdbc.sql("UPDATE sealed_test SET secret = :secret WHERE kind = 'x' AND n = 5")
                .param("secret", b.encrypt("x5 changed", "test:x"))
                .update();
        List<Object> after = first.last();
        while (true) {
            SealedColumns.Batch batch = owner.reseal(column, after, 3);
            batches.add(batch);
            if (batch.last() == null || batch.examined() < 3) {
                break;
            }
            after = batch.last();
        }
        assertThat(batches.stream().mapToInt(SealedColumns.Batch::resealed).sum())
                .isEqualTo(8);
        assertThat(batches.stream().mapToInt(SealedColumns.Batch::failed).sum()).isEqualTo(1);
        assertThat(owner.census(column))
                .containsExactlyInAnyOrderEntriesOf(Map.of(b.fieldKeyId(), 9L, c.fieldKeyId(), 1L));
        PlatformKeys bOnly = new PlatformKeys(B, INDEX, dir.toString());
        List<String> opened = jdbc.sql("SELECT kind, secret FROM sealed_test WHERE secret IS NOT NULL"
                        + " AND NOT (kind = 'y' AND n = 3) ORDER BY kind, n")
                .query((rs, n) -> bOnly.decrypt(rs.getBytes("secret"), "test:" + rs.getString("kind")))
                .list();
        assertThat(opened).containsExactly("x1", "x2", "x3", "x4", "x5 changed", "y1", "y2", "y4", "y5");

        // Again: only the value no key opens is looked at, and left.
        SealedColumns.Batch again = owner.reseal(column, null, 3);
        assertThat(again.examined()).isEqualTo(1);
        assertThat(again.resealed()).isZero();
        assertThat(again.failed()).isEqualTo(1);
    }

    private static String key(int fill) {
        byte[] bytes = new byte[16];
        Arrays.fill(bytes, (byte) fill);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
