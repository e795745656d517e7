package org.zhengwu.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.core.ApplicationModuleIdentifiers;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.runtime.flyway.HasMigrationFiles;
import org.springframework.modulith.runtime.flyway.MigrationFilter;
import org.zhengwu.ZhengwuApplication;
import org.zhengwu.catalog.CatalogCodes;
import org.zhengwu.catalog.CodeLayout;
import org.zhengwu.catalog.Guide;
import org.zhengwu.catalog.GuideRules;
import org.zhengwu.catalog.ItemType;
import org.zhengwu.catalog.entry.UnsourcedItemTypeRecoding;
import org.zhengwu.shared.codes.CodeTable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo catalogue of a database made by commit 42930d0 — main before the catalogue followed the national code
 * tables — upgrades in place: its stored guides, published ones included, carry the national 网上办理深度, 办件类型,
 * 权力来源, 审批结果类型 and material elements, derive the Ⅰ–Ⅳ level they had, and every entry one applies for satisfies
 * every rule; the base items of the unsourced 事项类型 00 move to 10 with their old codes recorded.
 */
class CatalogueCodeTablesUpgradeTests {

    /** The last version of every module's migrations at commit 42930d0. */
    private static final int BEFORE = 22;

    private static final ApplicationModuleIdentifiers MODULES =
            ApplicationModuleIdentifiers.of(ApplicationModules.of(ZhengwuApplication.class));
    private static final CatalogCodes CODES = new CatalogCodes(
            CodeLayout.parse("ITEM_TYPE:2,MAIN_ITEM:5,SUB_ITEM:3,HANDLING_ITEM:2"),
            CodeLayout.parse("ORGANISATION:18,EXERCISE_LEVEL:1,BASE_CODE:12"));

    static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void theCatalogueOfTheReleaseBeforeFollowsTheNationalTables() throws Exception {
        DataSource database = postgres.getPostgresDatabase();
        migrate(database, BEFORE, List.of());
        load(database, "db/catalogue-42930d0.sql.gz");
        JdbcClient jdbc = JdbcClient.create(database);
        Map<String, String> levelsBefore = levels(jdbc);
        List<String> unsourcedBefore = jdbc.sql("""
                        SELECT i.implementation_code FROM catalog_item i JOIN catalog_base_item b ON b.base_code = i.base_code
                        WHERE b.item_type = '00' ORDER BY i.id""").query(String.class).list();
        assertThat(levelsBefore).hasSize(373);
        assertThat(unsourcedBefore).hasSize(5);
        assertThat(count(jdbc, "SELECT count(*) FROM catalog_search_entry WHERE '6' = ANY (service_objects)"))
                .isPositive();

        migrate(database, null, List.of(new UnsourcedItemTypeRecoding(CODES)));

        // No guide keeps the old element; the Ⅰ–Ⅳ level derived from the national depths is the one it had.
        assertThat(count(jdbc, "SELECT count(*) FROM catalog_item_version WHERE guide -> 'onlineDepth' IS NOT NULL"))
                .isZero();
        assertThat(count(jdbc, "SELECT count(*) FROM catalog_item_version WHERE guide ->> 'caseKind' = 'OTHER'"))
                .isZero();
        JsonMapper json = JsonMapper.builder().build();
        List<Map<String, Object>> versions = jdbc.sql("""
                        SELECT i.implementation_code, b.item_type, v.guide::text AS guide
                        FROM catalog_item_version v JOIN catalog_item i ON i.id = v.item_id
                        JOIN catalog_base_item b ON b.base_code = i.base_code""").query().listOfRows();
        assertThat(versions).hasSize(373);
        Map<String, String> levelsAfter = levels(jdbc);
        int applied = 0;
        for (Map<String, Object> row : versions) {
            Guide guide = json.readValue((String) row.get("guide"), Guide.class);
            String code = (String) row.get("implementation_code");
            ItemType type = CodeTable.requireCode(ItemType.class, (String) row.get("item_type"));
            assertThat(guide.onlineLevel().code()).as(code).isEqualTo(levelsAfter.get(code));
            assertThat(guide.materials()).allSatisfy(m -> {
                assertThat(m.form()).isNotNull();
                assertThat(m.sourceChannel()).isNotNull();
            });
            assertThat(guide.resultType()).as(code).isNotNull();
            assertThat(guide.powerSource() == null).as(code).isEqualTo(type == ItemType.PUBLIC_SERVICE);
            if (!type.enforcement()) {
                assertThat(GuideRules.check(guide, type)).as(code).isEmpty();
                applied++;
            }
        }
        assertThat(applied).isGreaterThan(300);
        assertThat(levelsAfter.values()).containsExactlyInAnyOrderElementsOf(levelsBefore.values());

        // 事项类型 00 is gone: its items are 10 with new codes, and each old code names its new one.
        assertThat(count(jdbc, "SELECT count(*) FROM catalog_base_item WHERE item_type = '00'"))
                .isZero();
        for (String oldCode : unsourcedBefore) {
            String newCode = jdbc.sql("SELECT new_code FROM catalog_code_change WHERE old_code = :old")
                    .param("old", oldCode)
                    .query(String.class)
                    .single();
            assertThat(CODES.checkImplementationCode(newCode).isValid()).isTrue();
            assertThat(CODES.itemType(CODES.parse(newCode).baseCode())).isEqualTo(ItemType.OTHER);
            assertThat(newCode.substring(0, 19)).isEqualTo(oldCode.substring(0, 19));
            assertThat(jdbc.sql("SELECT item_type FROM catalog_search_entry WHERE implementation_code = :code")
                            .param("code", newCode)
                            .query(String.class)
                            .single())
                    .isEqualTo("10");
        }
        assertThat(count(jdbc, "SELECT count(*) FROM catalog_search_entry WHERE '6' = ANY (service_objects)"))
                .isZero();

        // Starting again changes nothing.
        String before = jdbc.sql("SELECT md5(string_agg(guide::text, '' ORDER BY id)) FROM catalog_item_version")
                .query(String.class)
                .single();
        migrate(database, null, List.of(new UnsourcedItemTypeRecoding(CODES)));
        assertThat(jdbc.sql("SELECT md5(string_agg(guide::text, '' ORDER BY id)) FROM catalog_item_version")
                        .query(String.class)
                        .single())
                .isEqualTo(before);
        assertThat(count(jdbc, "SELECT count(*) FROM catalog_code_change")).isEqualTo(5 + 2);
    }

    private static Map<String, String> levels(JdbcClient jdbc) {
        String column = count(
                                jdbc,
                                "SELECT count(*) FROM information_schema.columns WHERE table_name = 'catalog_search_entry'"
                                        + " AND column_name = 'online_level'")
                        > 0
                ? "online_level"
                : "online_depth";
        // The column name is one of the two constants above.
        return jdbc
                .sql("SELECT implementation_code, " + column + "::text AS level FROM catalog_search_entry")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Migrates as the application does, with every migration or only those up to {@code lastVersion}. */
    private static void migrate(DataSource database, Integer lastVersion, List<AfterMigration> steps)
            throws IOException {
        Path folder = lastVersion == null ? null : migrationsUpTo(lastVersion);
        Flyway flyway = Flyway.configure()
                .dataSource(database)
                .locations(folder == null ? "classpath:db/migration" : "filesystem:" + folder)
                .validateMigrationNaming(true)
                .load();
        MigrationFilter filter = folder == null
                ? new HasMigrationFiles(new PathMatchingResourcePatternResolver())
                : (module, moduleFlyway) -> Files.isDirectory(folder.resolve(module.toString()));
        new ModuleMigrations(MODULES, filter, null, () -> steps, List::of).migrate(flyway);
    }

    /** A folder with the application's migration scripts, in their module folders, up to a version. */
    private static Path migrationsUpTo(int lastVersion) throws IOException {
        Path root = Files.createTempDirectory("migrations");
        for (Resource script :
                new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*/V*.sql")) {
            String url = script.getURL().toString();
            String name = url.substring(url.lastIndexOf('/') + 1);
            String module = url.substring(0, url.lastIndexOf('/'));
            module = module.substring(module.lastIndexOf('/') + 1);
            if (Integer.parseInt(name.substring(1, name.indexOf("__"))) <= lastVersion) {
                Path folder = Files.createDirectories(root.resolve(module));
                try (InputStream in = script.getInputStream()) {
                    Files.copy(in, folder.resolve(name));
                }
            }
        }
        return root;
    }

    private static void load(DataSource database, String resource) throws IOException, SQLException {
        String rows;
        try (InputStream in = new GZIPInputStream(new ClassPathResource(resource).getInputStream())) {
            rows = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(rows);
        }
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
