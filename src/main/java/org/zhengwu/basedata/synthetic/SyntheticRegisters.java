package org.zhengwu.basedata.synthetic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.zhengwu.basedata.library.LibraryRows;
import org.zhengwu.shared.codes.CitizenIdNumber;
import org.zhengwu.shared.codes.UnifiedSocialCreditCode;
import org.zhengwu.shared.csv.CsvTable;

/**
 * A deterministic synthetic population and legal entity register of the demo province (安徽), for tests and
 * benchmarks: the same seed gives the same records, each computed from the seed and its index alone (so record n can
 * be made without the ones before it). Every 公民身份号码 and 统一社会信用代码 is valid (check characters, a registered
 * county, a real birth date) and unique within a register; names follow the frequency of common surnames; addresses
 * lie in the registered counties; every legal representative is one of the generated persons.
 *
 * <p>Run {@link #main(String[])} to write the two registers as import files (the CSV columns of
 * {@link LibraryRows}): {@code --seed=1 --persons=1000000 --entities=200000 --out=target/synthetic}.
 */
public final class SyntheticRegisters {

    /** A generated person, in the import columns' terms. */
    public record Person(
            String idNumber,
            String name,
            String sex,
            LocalDate birthDate,
            String division,
            String address,
            boolean deceased) {}

    /** A generated legal entity, in the import columns' terms. */
    public record Entity(
            String uscc,
            String name,
            String entityType,
            String representative,
            String representativeIdNumber,
            String division,
            String status,
            LocalDate registrationDate) {}

    record County(String code, String name, String prefectureName) {}

    /** Surnames with their share in hundredths of a per cent (roughly the 2020 census order). */
    private static final String[] SURNAMES = {
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高", "罗",
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "邓", "冯", "曹", "彭", "曾", "肖", "田", "董", "潘", "袁", "蔡", "蒋", "余",
        "于", "杜", "叶", "程", "魏", "苏", "吕", "丁", "任", "卢", "姚", "沈", "钟", "姜", "崔", "谭", "陆", "范", "汪", "廖",
        "石", "金", "韦", "贾", "夏", "付", "方", "邹", "熊", "白", "孟", "秦", "邱", "侯", "江", "尹", "薛", "闫", "段", "雷",
        "欧阳", "司马", "诸葛", "上官"
    };

    private static final int[] SURNAME_WEIGHTS = {
        740, 720, 700, 540, 530, 310, 240, 230, 200, 190, 180, 150, 150, 140, 130, 130, 120, 120, 120, 110,
        110, 100, 90, 90, 80, 80, 80, 80, 70, 70, 70, 70, 70, 60, 60, 60, 60, 60, 50, 50,
        50, 50, 50, 50, 50, 50, 50, 50, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40,
        40, 40, 40, 40, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
        3, 1, 1, 1
    };

    private static final String MALE_CHARACTERS =
            "伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘";
    private static final String FEMALE_CHARACTERS =
            "秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝丽阳妮宝贝初程梵罡恒鸿桦骅剑娇纪宽苛灵玛媚琪晴容睿烁堂唯威韦雯苇萱阅彦宇雨洋忠宗曼紫逸贤蝶菡绿蓝儿翠烟";
    private static final String[] STREETS = {
        "长江", "黄山", "淮河", "人民", "解放", "建设", "胜利", "和平", "文化", "幸福", "光明", "新华", "团结", "中山", "健康", "青年", "东风", "花园",
        "学府", "滨湖", "徽州", "宿松", "合作化", "繁华", "望江", "翡翠", "科学", "创新", "金寨", "休宁"
    };
    private static final String[] STREET_KINDS = {"路", "街", "大道", "巷"};
    private static final String[] ESTATES = {"花园", "小区", "新村", "家园", "公寓", "苑", "城"};
    private static final String[] BRANDS = {
        "鑫源", "华信", "恒达", "启明", "瑞丰", "皖江", "徽商", "天成", "宏图", "锦程", "众诚", "金桥", "新元", "长青", "博远", "嘉禾", "凯越", "润泽",
        "盛世", "和顺", "东方", "万通", "安泰", "聚力", "永辉", "科达", "联创", "同舟", "远航", "正道"
    };
    private static final String[] INDUSTRIES = {
        "科技", "贸易", "建筑工程", "餐饮管理", "物流", "电子商务", "农业开发", "文化传媒", "环保科技", "信息技术", "机械制造", "新材料", "医药", "食品", "装饰工程",
        "教育咨询"
    };
    private static final String[] SHOPS = {"便利店", "小吃店", "五金店", "理发店", "水果店", "服装店", "粮油店", "修车行"};
    private static final String[] CROPS = {"果蔬种植", "水稻种植", "茶叶", "水产养殖", "中药材种植", "畜禽养殖"};

    private static final LocalDate OLDEST = LocalDate.of(1935, 1, 1);
    private static final int BIRTH_DAYS = 30_000; // to 2017
    private static final String ORGANISATION_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private final long seed;
    private final List<County> counties;
    private final int[] surnameCumulative;
    private final int surnameTotal;

    /** The demo province's counties in force, from the division seed the platform loads. */
    public SyntheticRegisters(long seed) {
        this(seed, countiesOfSeed());
    }

    SyntheticRegisters(long seed, List<County> counties) {
        this.seed = seed;
        this.counties = List.copyOf(counties);
        this.surnameCumulative = new int[SURNAME_WEIGHTS.length];
        int total = 0;
        for (int i = 0; i < SURNAME_WEIGHTS.length; i++) {
            total += SURNAME_WEIGHTS[i];
            surnameCumulative[i] = total;
        }
        this.surnameTotal = total;
    }

    /** The most persons one seed can make with unique numbers. */
    public long maxPersons() {
        return (long) counties.size() * BIRTH_DAYS * 100;
    }

    /**
     * Person number {@code index} (from 0). Unique numbers by construction: the index picks the county, then the
     * birth date (spread over 1935–2017 by a fixed permutation), then the hundreds of the sequence number.
     */
    public Person person(long index) {
        if (index < 0 || index >= maxPersons()) {
            throw new IllegalArgumentException("person index out of range: " + index);
        }
        SplittableRandom random = random(1, index);
        int n = counties.size();
        int countyIndex = (int) (index % n);
        County county = counties.get(countyIndex);
        long j = index / n;
        // 7919 is prime and does not divide 30 000, so j → j * 7919 + c mod 30 000 is a permutation of the days for
        // each county's constant c: numbers stay unique, and neighbouring indexes get unrelated dates.
        long day = (j % BIRTH_DAYS * 7919 + countyIndex * 4099L + Math.floorMod(seed, BIRTH_DAYS)) % BIRTH_DAYS;
        LocalDate birth = OLDEST.plusDays(day);
        int hundreds = (int) (j / BIRTH_DAYS);
        boolean male = random.nextBoolean();
        int sequence = hundreds * 10 + random.nextInt(5) * 2 + (male ? 1 : 0);
        String first17 =
                county.code() + birth.toString().replace("-", "") + String.format(Locale.ROOT, "%03d", sequence);
        String number = first17 + CitizenIdNumber.checkCharacter(first17);
        String name = surname(random) + given(random, male);
        String address = "安徽省" + county.prefectureName() + county.name()
                + STREETS[random.nextInt(STREETS.length)] + STREET_KINDS[random.nextInt(STREET_KINDS.length)]
                + (1 + random.nextInt(999)) + "号"
                + (random.nextInt(3) == 0
                        ? ""
                        : STREETS[random.nextInt(STREETS.length)] + ESTATES[random.nextInt(ESTATES.length)]
                                + (1 + random.nextInt(30)) + "栋" + (1 + random.nextInt(4)) + "单元"
                                + (101 + random.nextInt(30) * 100 + random.nextInt(4)) + "室");
        boolean deceased = birth.getYear() < 1950 ? random.nextInt(10) == 0 : random.nextInt(500) == 0;
        return new Person(number, name, male ? "1" : "2", birth, county.code(), address, deceased);
    }

    /**
     * Legal entity number {@code index} (from 0) of a register whose representatives are drawn from the first
     * {@code persons} persons. Codes are unique by construction: the organisation code part is MA and the index in
     * base 31.
     */
    public Entity entity(long index, long persons) {
        SplittableRandom random = random(2, index);
        County county = counties.get(random.nextInt(counties.size()));
        int kind = random.nextInt(100);
        String type = kind < 78 ? "91" : kind < 93 ? "92" : kind < 97 ? "93" : "52";
        String body = "MA" + base31(index, 6);
        String organisationCode = body + UnifiedSocialCreditCode.organisationCodeCheckCharacter(body);
        String first17 = type + county.code() + organisationCode;
        String uscc = first17 + UnifiedSocialCreditCode.checkCharacter(first17);
        Person representative = adultRepresentative(random, persons);
        String brand = BRANDS[random.nextInt(BRANDS.length)];
        String city = county.prefectureName().replace("市", "");
        String name = switch (type) {
            case "91" ->
                (random.nextBoolean() ? "安徽" : city)
                        + brand
                        + INDUSTRIES[random.nextInt(INDUSTRIES.length)]
                        + (random.nextInt(10) == 0 ? "股份有限公司" : "有限公司");
            case "92" -> county.name() + representative.name() + SHOPS[random.nextInt(SHOPS.length)];
            case "93" -> county.name() + brand + CROPS[random.nextInt(CROPS.length)] + "专业合作社";
            default -> county.name() + brand + "社区养老服务中心";
        };
        int s = random.nextInt(100);
        String status = s < 85 ? "active" : s < 90 ? "revoked" : s < 98 ? "cancelled" : "moved-out";
        LocalDate adult = representative.birthDate().plusYears(18);
        LocalDate earliest = adult.isAfter(LocalDate.of(1995, 1, 1)) ? adult : LocalDate.of(1995, 1, 1);
        long span = LocalDate.of(2024, 12, 31).toEpochDay() - earliest.toEpochDay();
        LocalDate registered = earliest.plusDays(span <= 0 ? 0 : random.nextLong(span));
        return new Entity(
                uscc, name, type, representative.name(), representative.idNumber(), county.code(), status, registered);
    }

    private Person adultRepresentative(SplittableRandom random, long persons) {
        Person candidate = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            candidate = person(random.nextLong(persons));
            if (candidate.birthDate().isBefore(LocalDate.of(2002, 1, 1)) && !candidate.deceased()) {
                return candidate;
            }
        }
        return candidate;
    }

    /** Writes the first {@code count} persons to {@code sink}. */
    public void persons(long count, Consumer<Person> sink) {
        for (long i = 0; i < count; i++) {
            sink.accept(person(i));
        }
    }

    public void entities(long count, long persons, Consumer<Entity> sink) {
        for (long i = 0; i < count; i++) {
            sink.accept(entity(i, persons));
        }
    }

    /** Writes persons.csv and legal-entities.csv, in the import format, to {@code directory}. */
    public void writeCsv(Path directory, long persons, long entities) throws IOException {
        Files.createDirectories(directory);
        try (Writer out = Files.newBufferedWriter(directory.resolve("persons.csv"), StandardCharsets.UTF_8)) {
            out.write(String.join(",", LibraryRows.PERSON_COLUMNS) + "\n");
            persons(
                    persons,
                    p -> write(
                            out,
                            p.idNumber(),
                            p.name(),
                            p.sex(),
                            p.birthDate().toString(),
                            p.division(),
                            p.address(),
                            Boolean.toString(p.deceased())));
        }
        try (BufferedWriter out =
                Files.newBufferedWriter(directory.resolve("legal-entities.csv"), StandardCharsets.UTF_8)) {
            out.write(String.join(",", LibraryRows.ENTITY_COLUMNS) + "\n");
            entities(
                    entities,
                    persons,
                    e -> write(
                            out,
                            e.uscc(),
                            e.name(),
                            e.entityType(),
                            e.representative(),
                            e.representativeIdNumber(),
                            e.division(),
                            e.status(),
                            e.registrationDate().toString()));
        }
    }

    private static void write(Writer out, String... cells) {
        try {
            // No generated value holds a comma, a quote or a line break.
            out.write(String.join(",", cells));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String surname(SplittableRandom random) {
        int r = random.nextInt(surnameTotal);
        for (int i = 0; i < surnameCumulative.length; i++) {
            if (r < surnameCumulative[i]) {
                return SURNAMES[i];
            }
        }
        return SURNAMES[0];
    }

    private static String given(SplittableRandom random, boolean male) {
        String characters = male ? MALE_CHARACTERS : FEMALE_CHARACTERS;
        int length = random.nextInt(10) < 7 ? 2 : 1;
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < length; i++) {
            name.appendCodePoint(characters.codePointAt(random.nextInt(characters.length())));
        }
        return name.toString();
    }

    private SplittableRandom random(int stream, long index) {
        long mixed = seed * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
        return new SplittableRandom(mixed);
    }

    private static String base31(long value, int digits) {
        char[] out = new char[digits];
        long v = value;
        for (int i = digits - 1; i >= 0; i--) {
            out[i] = ORGANISATION_ALPHABET.charAt((int) (v % 31));
            v /= 31;
        }
        if (v != 0) {
            throw new IllegalArgumentException("entity index out of range: " + value);
        }
        return new String(out);
    }

    static List<County> countiesOfSeed() {
        try (InputStream in = SyntheticRegisters.class.getResourceAsStream("/basedata/divisions-340000.csv")) {
            if (in == null) {
                throw new IllegalStateException("basedata/divisions-340000.csv is not on the class path");
            }
            CsvTable table = CsvTable.read(in);
            Map<String, String> prefectures = new HashMap<>();
            List<County> counties = new ArrayList<>();
            for (CsvTable.Row row : table.rows()) {
                if (!row.get("effective_to").isEmpty()) {
                    continue;
                }
                String code = row.get("code");
                if (code.endsWith("00") && !code.endsWith("0000")) {
                    prefectures.put(code, row.get("name"));
                }
            }
            for (CsvTable.Row row : table.rows()) {
                String code = row.get("code");
                if (row.get("effective_to").isEmpty() && !code.endsWith("00")) {
                    String prefecture = prefectures.get(code.substring(0, 4) + "00");
                    if (prefecture != null) {
                        counties.add(new County(code, row.get("name"), prefecture));
                    }
                }
            }
            counties.sort((a, b) -> a.code().compareTo(b.code()));
            return counties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CsvTable.MalformedCsvException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code --seed=1 --persons=1000 --entities=200 --out=target/synthetic}: writes the two import files. */
    public static void main(String[] args) throws IOException {
        Map<String, String> options =
                new HashMap<>(Map.of("seed", "1", "persons", "1000", "entities", "200", "out", "target/synthetic"));
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("usage: --seed=N --persons=N --entities=N --out=DIR; not " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        SyntheticRegisters registers = new SyntheticRegisters(Long.parseLong(options.get("seed")));
        long started = System.nanoTime();
        Path out = Path.of(options.get("out"));
        registers.writeCsv(out, Long.parseLong(options.get("persons")), Long.parseLong(options.get("entities")));
        System.out.printf(
                Locale.ROOT,
                "wrote %s persons and %s legal entities to %s in %.1f s%n",
                options.get("persons"),
                options.get("entities"),
                out.toAbsolutePath(),
                (System.nanoTime() - started) / 1e9);
    }
}
