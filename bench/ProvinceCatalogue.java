import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.zhengwu.catalog.Guide;
import org.zhengwu.catalog.ItemType;
import org.zhengwu.catalog.search.SearchIndex;
import org.zhengwu.catalog.search.SearchTerms;
import org.zhengwu.shared.codes.CodeTable;
import org.zhengwu.shared.codes.UnifiedSocialCreditCode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The province-scale catalogue of bench/province.sh (issue 13): plans ENTRIES implementation entries over every
 * division of Anhui — the province, its prefectures and counties from basedata_division, and townships and villages
 * made up under each county (basedata has no division below the county: their organisations carry their county's
 * code, as the demo's 街道办事处 do) — and loads the plan into staging tables (bench_template, bench_org,
 * bench_entry) that bench/province-generate.sql turns into entries, published versions and search rows.
 *
 * <p>Deterministic: one seed, one plan. Each base item of the demo catalogue gives a template, its demo entry with the
 * smallest implementation code: the generated entries of that item carry its name and guide. Their organisations are
 * named after the division and the template's department (合肥市市场监督管理局 → 肥西县市场监督管理局), townships'
 * 人民政府 and villages' 村民委员会 after the made-up names. The search terms are computed by {@link
 * SearchIndex#documentTerms}: each template's terms without organisation and code, to which the SQL adds those of the
 * generated organisation (computed here) and the code (its one lower-case word); before anything is written, each
 * template's full terms are recomputed and compared with the row SearchIndex wrote for it.
 *
 * <pre>java -cp ... ProvinceCatalogue jdbc:postgresql://127.0.0.1:PORT/zhengwu PASSWORD ENTRIES SEED</pre>
 */
public class ProvinceCatalogue {

    static final String[] PLACE = ("城关 新集 三河 永安 桃园 双河 高店 柏林 丰乐 姚集 王集 杨庙 李桥 张店 陈集 刘圩 孙岗 周寨 吴山 "
                    + "马庄 黄岗 朱巷 胡集 郭河 何湾 林店 罗集 梁园 宋店 谢桥 韩湖 唐集 冯井 于庄 董岗 萧山 程岭 曹庙 袁店 邓桥 "
                    + "许河 傅集 沈巷 曾店 彭湖 吕寨 苏湾 卢集 蒋庄 蔡河 贾岗 丁集 魏湾 薛店 叶集 阎桥 余庄 潘集 杜集 戴河 夏阁 "
                    + "钟山 汪桥 田集 任店 姜湖 范岗 方集 石塘 姚李 廖家 邹圩 熊湾 金桥 陆集 郝店 孔集 白湖 崔岗 康店 毛集 邱庄 "
                    + "秦栏 江口 史河 顾村 侯集 邵岗 孟楼 龙亢 万安 段园 雷麻 钱桥 汤池 尹集 黎明 易安 常乐 武店 乔集 贺疃 赖湖 "
                    + "龚集 文集 青龙 凤凰 白石 红星 东风 团结 光明 幸福 和平 建设 新民 胜利 前进 民主 友谊 长春 永丰 丰收 兴隆")
            .split(" ");

    record Division(String code, String name, String level, String parent) {}

    record Template(String baseCode, String departmentSuffix, String orgName, Set<String> restTerms) {}

    record Org(String uscc, String name, String division, char level, Set<String> terms) {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String password = args[1];
        int entries = Integer.parseInt(args[2]);
        long seed = Long.parseLong(args[3]);
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/shared/messages", "i18n/catalog/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        JsonMapper json = JsonMapper.builder().build();
        try (Connection db = DriverManager.getConnection(url, "postgres", password)) {
            Map<String, Division> divisions = new LinkedHashMap<>();
            try (Statement s = db.createStatement();
                    ResultSet rs = s.executeQuery("SELECT code, name, level, parent_code FROM basedata_division"
                            + " WHERE effective_to IS NULL AND code LIKE '34%' ORDER BY code")) {
                while (rs.next()) {
                    divisions.put(rs.getString(1), new Division(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4)));
                }
            }
            List<Template> templates = templates(db, json, messages, divisions);
            Set<String> existingNames = new HashSet<>();
            Set<String> existingUscc = new HashSet<>();
            try (Statement s = db.createStatement();
                    ResultSet rs = s.executeQuery("SELECT name, uscc FROM basedata_organisation")) {
                while (rs.next()) {
                    existingNames.add(rs.getString(1));
                    existingUscc.add(rs.getString(2));
                }
            }

            // Organisations and their entries, in a fixed order drawn from one seeded generator.
            SplittableRandom random = new SplittableRandom(seed);
            Map<String, Org> orgs = new LinkedHashMap<>();
            StringBuilder entryRows = new StringBuilder(entries * 48);
            int[] counts = new int[7];
            int[] sequence = {0};
            // Province, prefectures and counties: each department implements its items.
            for (Division d : divisions.values()) {
                char level = switch (d.level()) {
                    case "PROVINCE" -> '2';
                    case "PREFECTURE" -> '3';
                    default -> '4';
                };
                for (Template t : templates) {
                    String suffix = level == '2' ? t.departmentSuffix() : t.departmentSuffix().replaceAll("厅$", "局");
                    String name = prefix(d, divisions) + suffix;
                    if (existingNames.contains(name)) {
                        continue; // the demo's own organisation and entries stay as they are
                    }
                    Org org = orgs.computeIfAbsent(name, n -> newOrg(n, d.code(), level, "11", sequence, existingUscc));
                    entry(entryRows, org, t, counts);
                }
            }
            // Townships (8–13 per county) with every item, and their villages (8–15 each).
            List<Org> villages = new ArrayList<>();
            for (Division county : divisions.values()) {
                if (!"COUNTY".equals(county.level())) {
                    continue;
                }
                List<String> townships = draw(random, 8 + random.nextInt(6), null);
                for (String township : townships) {
                    String townshipName = township + (random.nextInt(3) == 0 ? "乡" : "镇");
                    Org town = orgs.computeIfAbsent(prefix(county, divisions) + townshipName + "人民政府",
                            n -> newOrg(n, county.code(), '5', "11", sequence, existingUscc));
                    for (Template t : templates) {
                        entry(entryRows, town, t, counts);
                    }
                    for (String village : draw(random, 8 + random.nextInt(8), township)) {
                        String villageName = village + (random.nextInt(5) == 0 ? "社区居民委员会" : "村民委员会");
                        villages.add(orgs.computeIfAbsent(
                                prefix(county, divisions) + townshipName + villageName,
                                n -> newOrg(n, county.code(), '6', "54", sequence, existingUscc)));
                    }
                }
            }
            // Villages share out what is left: each a run of the items from a place of its own.
            int left = Math.max(0, entries - counts[0]);
            int perVillage = Math.min(templates.size(), left / Math.max(1, villages.size()));
            int extra = left - perVillage * villages.size();
            for (int v = 0; v < villages.size(); v++) {
                int start = random.nextInt(templates.size());
                int n = Math.min(templates.size(), perVillage + (v < extra ? 1 : 0));
                for (int i = 0; i < n; i++) {
                    entry(entryRows, villages.get(v), templates.get((start + i) % templates.size()), counts);
                }
            }
            System.out.printf("plan: %d organisations (%d villages), %d entries (levels 2–6: %d %d %d %d %d)%n",
                    orgs.size(), villages.size(), counts[0], counts[2], counts[3], counts[4], counts[5], counts[6]);

            CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
            try (Statement s = db.createStatement()) {
                s.execute("DROP TABLE IF EXISTS bench_template, bench_org, bench_entry");
                s.execute("CREATE UNLOGGED TABLE bench_template (base_code TEXT PRIMARY KEY, rest_terms TEXT[])");
                s.execute("CREATE UNLOGGED TABLE bench_org (uscc TEXT PRIMARY KEY, name TEXT, division_code TEXT,"
                        + " exercise_level TEXT, terms TEXT[])");
                s.execute("CREATE UNLOGGED TABLE bench_entry (n BIGINT, implementation_code TEXT, base_code TEXT,"
                        + " uscc TEXT)");
            }
            StringBuilder rows = new StringBuilder();
            for (Template t : templates) {
                rows.append(t.baseCode()).append('\t').append(array(t.restTerms())).append('\n');
            }
            copy.copyIn("COPY bench_template FROM STDIN", new StringReader(rows.toString()));
            rows.setLength(0);
            for (Org o : orgs.values()) {
                rows.append(o.uscc()).append('\t').append(o.name()).append('\t').append(o.division()).append('\t')
                        .append(o.level()).append('\t').append(array(o.terms())).append('\n');
            }
            copy.copyIn("COPY bench_org FROM STDIN", new StringReader(rows.toString()));
            copy.copyIn("COPY bench_entry FROM STDIN", new StringReader(entryRows.toString()));
        }
    }

    /** Each base item's template, its terms checked against SearchIndex's row for it. */
    static List<Template> templates(
            Connection db, JsonMapper json, ResourceBundleMessageSource messages, Map<String, Division> divisions)
            throws Exception {
        List<Template> templates = new ArrayList<>();
        List<String> names = divisions.values().stream().map(Division::name)
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("""
                        SELECT DISTINCT ON (i.base_code) i.base_code, b.item_type, v.name, v.guide::text, o.name,
                               i.implementation_code, s.terms
                        FROM catalog_item i
                        JOIN catalog_base_item b ON b.base_code = i.base_code
                        JOIN catalog_item_version v ON v.item_id = i.id AND v.status = 'PUBLISHED'
                        JOIN catalog_search_entry s ON s.item_id = i.id
                        JOIN basedata_organisation o ON o.uscc = i.organisation_uscc
                        ORDER BY i.base_code, i.implementation_code""")) {
            while (rs.next()) {
                String base = rs.getString(1);
                ItemType type = CodeTable.requireCode(ItemType.class, rs.getString(2));
                String name = rs.getString(3);
                Guide guide = json.readValue(rs.getString(4), Guide.class);
                String orgName = rs.getString(5);
                String code = rs.getString(6);
                Set<String> stored = new TreeSet<>(Arrays.asList((String[]) rs.getArray(7).getArray()));
                Set<String> full =
                        new TreeSet<>(SearchIndex.documentTerms(name, guide, type, orgName, code, base, messages));
                if (!full.equals(stored)) {
                    throw new IllegalStateException("terms of " + code + " differ from the index's: " + full
                            + " vs " + stored);
                }
                Set<String> rest = SearchIndex.documentTerms(name, guide, type, "", "", base, messages);
                templates.add(new Template(base, suffix(orgName, names), orgName, rest));
            }
        }
        System.out.printf("templates: %d base items, terms of each recomputed and equal to the index's%n",
                templates.size());
        return templates;
    }

    /** The department of an organisation's name: its divisions' names taken off the front. */
    static String suffix(String orgName, List<String> divisionNames) {
        String rest = orgName.replaceFirst("^国家税务总局", "");
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String n : divisionNames) {
                if (rest.startsWith(n) && rest.length() > n.length()) {
                    rest = rest.substring(n.length());
                    stripped = true;
                }
            }
        }
        for (String n : divisionNames) {
            String shortName = n.length() > 2 ? n.substring(0, n.length() - 1) : n;
            if (rest.contains(shortName)) {
                return "数据资源局"; // a name that is not division + department (合肥住房公积金管理中心, 公安局蜀山分局)
            }
        }
        return rest;
    }

    /** How an organisation of the division begins its name: 安徽省, 合肥市, 合肥市蜀山区, 肥西县. */
    static String prefix(Division d, Map<String, Division> divisions) {
        if ("COUNTY".equals(d.level()) && d.name().endsWith("区") && d.parent() != null) {
            return divisions.get(d.parent()).name() + d.name();
        }
        return d.name();
    }

    static List<String> draw(SplittableRandom random, int n, String not) {
        List<String> pool = new ArrayList<>(Arrays.asList(PLACE));
        pool.remove(not);
        List<String> drawn = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            drawn.add(pool.remove(random.nextInt(pool.size())));
        }
        return drawn;
    }

    static Org newOrg(String name, String division, char level, String kind, int[] sequence, Set<String> taken) {
        String uscc;
        do {
            String first17 = kind + division + String.format("9%08d", ++sequence[0]);
            uscc = first17 + UnifiedSocialCreditCode.checkCharacter(first17);
        } while (taken.contains(uscc));
        return new Org(uscc, name, division, level, SearchTerms.ofDocument(name));
    }

    static void entry(StringBuilder rows, Org org, Template t, int[] counts) {
        counts[0]++;
        counts[org.level() - '0']++;
        // 实施编码 of the default layout: credit code, exercise level, base code.
        rows.append(counts[0]).append('\t').append(org.uscc()).append(org.level()).append(t.baseCode()).append('\t')
                .append(t.baseCode()).append('\t').append(org.uscc()).append('\n');
    }

    static String array(Set<String> terms) {
        StringBuilder a = new StringBuilder("{");
        for (String term : terms) {
            if (a.length() > 1) {
                a.append(',');
            }
            a.append('"').append(term).append('"');
        }
        return a.append('}').toString();
    }
}
