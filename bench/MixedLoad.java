import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * For bench/mixed.sh: one load driver for the mixed load of a node (issue 13), so that every stream has its own
 * latencies while all run together, at a ratio that does not depend on which stream is slower.
 *
 * <p>Per 100 requests of the mix (94 operations; a sign-in is two requests, an application six):
 *
 * <ul>
 *   <li>70 portal: 50 search pages over up to QUERIES distinct queries (substrings of 2 to 6 characters of the
 *       published entries' names, so the page cache serves only real repetition), 20 guide pages (/items/{code},
 *       every published entry);
 *   <li>10 citizen: 8 signed-in pages (/account, /my/cases; alternately), 1 password sign-in (GET and POST /login);
 *   <li>6 application: one complete online application (a draft begun, three materials uploaded, the form sent to
 *       review: 5 requests, timed together; then the submission, timed alone);
 *   <li>14 clerk: 5 待办 lists and 9 case pages of the clerks made by bench/CasesClerks.java (its workbench.txt and
 *       detail.txt).
 * </ul>
 *
 * <p>Phases, in one JVM so the sessions made once serve all: the static 1 KiB file through this same client (the
 * reference for the ratio, with this driver's own cost in it), a warm-up of the mix, the mix closed-loop at
 * CONNECTIONS (each worker sends its next request when the last is answered: the node's saturation), then the mix
 * open-loop at each FRACTION of the closed-loop rate (a fixed rate, requests started on schedule whatever the answers;
 * latency counted from the scheduled start, so a late start counts against the node, not hidden).
 *
 * <p>Arguments: base-url pg-data-dir out-dir connections seconds warm-up-seconds fractions (comma-separated).
 * Writes out-dir/mixed-phases.txt ("name start-ms end-ms requests" per phase) for the script's samplers.
 */
public class MixedLoad {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final Pattern SESSION = Pattern.compile("(ZHENGWU_SESSION=[^;]+)");
    static final int QUERIES = 5000;
    static final int NEW_CITIZENS = 48;
    static final int SIGN_IN_ACCOUNTS = 8;

    /** The streams reported; an operation records one or two of them. */
    enum Stream {
        STATIC("static 1 KiB", "static"),
        SEARCH("portal: search page", "portal"),
        GUIDE("portal: guide page", "portal"),
        CITIZEN_PAGE("citizen: signed-in page", "citizen"),
        SIGN_IN_PAGE("citizen: sign-in GET /login", "citizen"),
        SIGN_IN("citizen: sign-in POST /login", "citizen"),
        DRAFT("application: draft (5 requests)", "application"),
        SUBMIT("application: submission", "application"),
        TODO("clerk: 待办 list", "clerk"),
        CASE_PAGE("clerk: case page", "clerk");

        final String label;
        final String group;

        Stream(String label, String group) {
            this.label = label;
            this.group = group;
        }
    }

    /** Operations and their weights per 94 (100 requests). */
    enum Op {
        SEARCH(50),
        GUIDE(20),
        CITIZEN_PAGE(8),
        SIGN_IN(1),
        APPLICATION(1),
        TODO(5),
        CASE_PAGE(9);

        final int weight;

        Op(int weight) {
            this.weight = weight;
        }
    }

    static final Op[] WHEEL;

    static {
        List<Op> wheel = new ArrayList<>();
        for (Op op : Op.values()) {
            for (int i = 0; i < op.weight; i++) {
                wheel.add(op);
            }
        }
        WHEEL = wheel.toArray(Op[]::new);
    }

    /** Latencies (µs), request and error counts of one stream in one phase. */
    static final class Record {
        final List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong requests = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
    }

    static String base;
    static HttpClient shared;
    static List<String> searches;
    static List<String> guides;
    static List<String[]> todo;
    static List<String[]> casePages;
    static BlockingQueue<CasesSubmit.Applicant> citizens;
    static List<String> signInNames;
    static String entryCode;
    static final Map<String, String> errorSamples = new ConcurrentHashMap<>();
    static volatile Map<Stream, Record> current;

    public static void main(String[] args) throws Exception {
        base = args[0];
        CasesSubmit.base = base;
        Path pg = Path.of(args[1]);
        Path out = Path.of(args[2]);
        int connections = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int warmUp = Integer.parseInt(args[5]);
        List<Double> fractions = new ArrayList<>();
        for (String f : args[6].split(",")) {
            if (!f.isBlank()) {
                fractions.add(Double.parseDouble(f));
            }
        }
        shared = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        prepare(pg, out);
        Path phases = out.resolve("mixed-phases.txt");
        Files.deleteIfExists(phases);

        Map<Stream, Record> reference = closed(connections, seconds / 2, true);
        report("static 1 KiB through this driver, closed loop, " + connections + " connections", reference, phases,
                "static", null);
        double staticRate = rate(reference);
        closed(connections, warmUp, false);
        System.out.println("   (warm-up of the mix: " + warmUp + " s, not counted)");
        long[] cpu = {processCpu()};
        Map<Stream, Record> saturated = closed(connections, seconds, false);
        double mixRate = rate(saturated);
        report("mix, closed loop, " + connections + " connections, " + seconds + " s", saturated, phases, "closed",
                cpu);
        System.out.printf("   mix ÷ static (both through this driver): %.2f%n", mixRate / staticRate);
        for (double fraction : fractions) {
            double target = Math.floor(mixRate * fraction);
            cpu[0] = processCpu();
            Map<Stream, Record> paced = paced(target, seconds);
            report("mix, open loop at %.0f requests/s (%.2f of the closed-loop rate), %d s"
                    .formatted(target, fraction, seconds), paced, phases, "paced-" + fraction, cpu);
        }
        if (!errorSamples.isEmpty()) {
            System.out.println("error samples:");
            errorSamples.forEach((k, v) -> System.out.println("   " + k + ": " + v));
        }
        System.exit(0);
    }

    // --- preparation (untimed) ---------------------------------------------------------------------------------------

    static void prepare(Path pg, Path out) throws Exception {
        try (Connection db = CasesSubmit.connect(pg)) {
            List<String> names = new ArrayList<>();
            guides = new ArrayList<>();
            try (var q = db.prepareStatement("""
                            SELECT i.implementation_code, v.name FROM catalog_item i
                            JOIN catalog_item_version v ON v.item_id = i.id AND v.status = 'PUBLISHED'
                            ORDER BY i.implementation_code""");
                    var rs = q.executeQuery()) {
                while (rs.next()) {
                    guides.add("/items/" + rs.getString(1));
                    names.add(rs.getString(2));
                }
            }
            // Substrings of 2 to 6 characters of the names, as people type part of what they look for; drawn in a
            // fixed order (seeded), so every run asks the same queries.
            Set<String> distinct = new LinkedHashSet<>();
            for (String name : names) {
                for (int length = 2; length <= 6; length++) {
                    for (int i = 0; i + length <= name.length(); i++) {
                        distinct.add(name.substring(i, i + length));
                    }
                }
            }
            List<String> all = new ArrayList<>(distinct);
            Collections.shuffle(all, new Random(13));
            searches = new ArrayList<>();
            for (String q : all.subList(0, Math.min(QUERIES, all.size()))) {
                searches.add("/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
            }
            todo = pages(out.resolve("workbench.txt"));
            casePages = pages(out.resolve("detail.txt"));
            entryCode = CasesSubmit.entry(db);

            // Citizens of their own, registered here: the seed's (bench/CasesSubmit.java) hold the generated cases,
            // thousands each, which no real citizen has. bench/mixed.sh raises the registrations allowed from one
            // address (RateLimits: 60 an hour), as all the load comes from one.
            List<CasesSubmit.Applicant> pool = new ArrayList<>();
            String run = Long.toString(System.currentTimeMillis() / 1000 % 100000);
            List<CasesSubmit.Applicant> registered = new ArrayList<>();
            for (int n = 0; n < NEW_CITIZENS + SIGN_IN_ACCOUNTS; n++) {
                // Numbered from 500 so as not to meet bench/CasesSubmit.java's citizens of the same second.
                registered.add(CasesSubmit.register(db, run, 500 + n));
            }
            try (var raise = db.prepareStatement(
                    "UPDATE identity_account SET real_name_level = 4 WHERE username = ANY (?)")) {
                raise.setArray(1, db.createArrayOf(
                        "varchar", registered.stream().map(CasesSubmit.Applicant::username).toArray()));
                raise.executeUpdate();
            }
            pool.addAll(registered.subList(0, NEW_CITIZENS));
            citizens = new ArrayBlockingQueue<>(pool.size());
            for (CasesSubmit.Applicant a : pool) {
                citizens.add(CasesSubmit.signIn(a, entryCode));
            }
            signInNames = registered.subList(NEW_CITIZENS, registered.size()).stream()
                    .map(CasesSubmit.Applicant::username)
                    .toList();
        }
        System.out.printf(
                "   %d distinct search queries, %d guide pages, %d citizens signed in (+%d for sign-ins), %d clerks'"
                        + " 待办 lists, %d case pages; entry %s%n",
                searches.size(),
                guides.size(),
                citizens.size(),
                SIGN_IN_ACCOUNTS,
                todo.size(),
                casePages.size(),
                entryCode);
    }

    static List<String[]> pages(Path file) throws Exception {
        List<String[]> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                lines.add(line.split(" ", 2));
            }
        }
        return lines;
    }

    // --- phases ------------------------------------------------------------------------------------------------------

    static Map<Stream, Record> fresh() {
        Map<Stream, Record> records = new LinkedHashMap<>();
        for (Stream s : Stream.values()) {
            records.put(s, new Record());
        }
        return records;
    }

    static Map<Stream, Record> closed(int workers, int seconds, boolean staticOnly) throws Exception {
        Map<Stream, Record> records = fresh();
        current = records;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        start = System.currentTimeMillis();
        for (int w = 0; w < workers; w++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    if (staticOnly) {
                        get(records, Stream.STATIC, "/bench/1k.txt", null, t0);
                    } else {
                        run(records, WHEEL[ThreadLocalRandom.current().nextInt(WHEEL.length)], t0);
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        stop = System.currentTimeMillis();
        return records;
    }

    static long start;
    static long stop;

    /** Operations started on schedule at ops/s so that requests/s is the target; a large pool takes each. */
    static Map<Stream, Record> paced(double requestsPerSecond, int seconds) throws Exception {
        Map<Stream, Record> records = fresh();
        current = records;
        double opsPerSecond = requestsPerSecond * WHEEL.length / 100.0;
        long interval = (long) (1e9 / opsPerSecond);
        ExecutorService pool = Executors.newFixedThreadPool(512);
        long t = System.nanoTime();
        long end = t + seconds * 1_000_000_000L;
        start = System.currentTimeMillis();
        while (t < end) {
            long scheduled = t;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Op op = WHEEL[ThreadLocalRandom.current().nextInt(WHEEL.length)];
            pool.submit(() -> run(records, op, scheduled));
            t += interval;
        }
        pool.shutdown();
        pool.awaitTermination(120, TimeUnit.SECONDS);
        stop = System.currentTimeMillis();
        return records;
    }

    /** One operation; t0 is when it was due (the first request's latency counts from it). */
    static void run(Map<Stream, Record> r, Op op, long t0) {
        switch (op) {
            case SEARCH -> get(r, Stream.SEARCH, pick(searches), null, t0);
            case GUIDE -> get(r, Stream.GUIDE, pick(guides), null, t0);
            case TODO -> {
                String[] line = todo.get(ThreadLocalRandom.current().nextInt(todo.size()));
                get(r, Stream.TODO, line[1], line[0], t0);
            }
            case CASE_PAGE -> {
                String[] line = casePages.get(ThreadLocalRandom.current().nextInt(casePages.size()));
                get(r, Stream.CASE_PAGE, line[1], line[0], t0);
            }
            case CITIZEN_PAGE -> citizen(r, t0);
            case SIGN_IN -> signIn(r, t0);
            case APPLICATION -> apply(r, t0);
        }
    }

    static String pick(List<String> list) {
        return list.get(ThreadLocalRandom.current().nextInt(list.size()));
    }

    static void get(Map<Stream, Record> r, Stream s, String path, String cookie, long t0) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Accept", "text/html")
                    .timeout(Duration.ofSeconds(30));
            if (cookie != null) {
                b.header("Cookie", cookie);
            }
            HttpResponse<String> answer = shared.send(b.build(), HttpResponse.BodyHandlers.ofString());
            record(r, s, t0, answer.statusCode() == 200, answer.statusCode() + " " + path);
        } catch (Exception e) {
            record(r, s, t0, false, e.toString());
        }
    }

    static void record(Map<Stream, Record> r, Stream s, long t0, boolean ok, String what) {
        long micros = (System.nanoTime() - t0) / 1000;
        Record rec = r.get(s);
        rec.requests.incrementAndGet();
        if (ok) {
            rec.micros.add(micros);
        } else {
            rec.errors.incrementAndGet();
            errorSamples.putIfAbsent(s.label, what);
        }
    }

    /** A signed-in citizen of the pool, given back by the caller; null when the worker is interrupted (stopping). */
    static CasesSubmit.Applicant takeCitizen() {
        try {
            return citizens.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static void citizen(Map<Stream, Record> r, long t0) {
        CasesSubmit.Applicant a = takeCitizen();
        if (a == null) {
            return;
        }
        String path = ThreadLocalRandom.current().nextBoolean() ? "/account" : "/my/cases";
        try {
            HttpResponse<String> answer = CasesSubmit.get(a.http(), path);
            record(r, Stream.CITIZEN_PAGE, t0, answer.statusCode() == 200, answer.statusCode() + " " + path);
        } catch (Exception e) {
            record(r, Stream.CITIZEN_PAGE, t0, false, e.toString());
        } finally {
            citizens.add(a);
        }
    }

    /** GET /login (a new session and its token), then POST /login: a 302 to /account is a sign-in. */
    static void signIn(Map<Stream, Record> r, long t0) {
        try {
            HttpResponse<String> page = shared.send(
                    HttpRequest.newBuilder(URI.create(base + "/login"))
                            .header("Accept", "text/html")
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher token = CSRF.matcher(page.body());
            Matcher session = SESSION.matcher(page.headers().firstValue("Set-Cookie").orElse(""));
            boolean ok = page.statusCode() == 200 && token.find() && session.find();
            record(r, Stream.SIGN_IN_PAGE, t0, ok, page.statusCode() + " GET /login");
            if (!ok) {
                return;
            }
            String body = "username=" + pick(signInNames) + "&password=" + CasesSubmit.PASSWORD + "&_csrf="
                    + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
            long t1 = System.nanoTime();
            HttpResponse<String> answer = shared.send(
                    HttpRequest.newBuilder(URI.create(base + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Accept", "text/html")
                            .header("Cookie", session.group(1))
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String location = answer.headers().firstValue("Location").orElse("");
            record(r, Stream.SIGN_IN, t1, answer.statusCode() == 302 && location.endsWith("/account"),
                    answer.statusCode() + " " + location);
        } catch (Exception e) {
            record(r, Stream.SIGN_IN, t0, false, e.toString());
        }
    }

    /** A complete application: the draft (5 requests, timed together and counted as 5), then its submission. */
    static void apply(Map<Stream, Record> r, long t0) {
        CasesSubmit.Applicant a = takeCitizen();
        if (a == null) {
            return;
        }
        try {
            CasesSubmit.Draft draft;
            try {
                draft = CasesSubmit.draft(a, entryCode);
                record(r, Stream.DRAFT, t0, true, "");
                r.get(Stream.DRAFT).requests.addAndGet(4);
            } catch (Exception e) {
                record(r, Stream.DRAFT, t0, false, e.toString());
                return;
            }
            long t1 = System.nanoTime();
            try {
                HttpResponse<String> answer = CasesSubmit.post(
                        a,
                        "/my/cases/" + draft.id() + "/submit",
                        Map.of("submissionKey", UUID.randomUUID().toString(), "_csrf", a.csrf()));
                String location = answer.headers().firstValue("Location").orElse("");
                record(r, Stream.SUBMIT, t1,
                        answer.statusCode() == 302 && location.endsWith("/my/cases/" + draft.id() + "/receipt"),
                        answer.statusCode() + " " + location);
            } catch (Exception e) {
                record(r, Stream.SUBMIT, t1, false, e.toString());
            }
        } finally {
            citizens.add(a);
        }
    }

    // --- reporting ---------------------------------------------------------------------------------------------------

    static double rate(Map<Stream, Record> records) {
        long n = records.values().stream().mapToLong(x -> x.requests.get()).sum();
        return n / ((stop - start) / 1000.0);
    }

    static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static void report(String title, Map<Stream, Record> records, Path phases, String phase, long[] cpu)
            throws Exception {
        double seconds = (stop - start) / 1000.0;
        long total = records.values().stream().mapToLong(x -> x.requests.get()).sum();
        long errors = records.values().stream().mapToLong(x -> x.errors.get()).sum();
        System.out.println("== " + title);
        System.out.printf("%-34s %9s %9s %7s %9s %9s %9s %7s%n", "stream", "requests", "req/s", "share", "p50 ms",
                "p95 ms", "p99 ms", "errors");
        Map<String, List<Long>> groups = new LinkedHashMap<>();
        Map<String, long[]> groupCounts = new LinkedHashMap<>();
        for (var e : records.entrySet()) {
            Record rec = e.getValue();
            if (rec.requests.get() == 0) {
                continue;
            }
            List<Long> sorted;
            synchronized (rec.micros) {
                sorted = new ArrayList<>(rec.micros);
            }
            Collections.sort(sorted);
            line(e.getKey().label, rec.requests.get(), seconds, total, sorted, rec.errors.get());
            groups.computeIfAbsent(e.getKey().group, g -> new ArrayList<>()).addAll(sorted);
            long[] c = groupCounts.computeIfAbsent(e.getKey().group, g -> new long[2]);
            c[0] += rec.requests.get();
            c[1] += rec.errors.get();
        }
        if (groups.size() > 1) {
            List<Long> everything = new ArrayList<>();
            for (var g : groups.entrySet()) {
                Collections.sort(g.getValue());
                line("  all " + g.getKey(), groupCounts.get(g.getKey())[0], seconds, total, g.getValue(),
                        groupCounts.get(g.getKey())[1]);
                everything.addAll(g.getValue());
            }
            Collections.sort(everything);
            line("TOTAL", total, seconds, total, everything, errors);
        }
        String driver = "";
        if (cpu != null) {
            double used = (processCpu() - cpu[0]) / 1e9;
            driver = String.format("; this driver used %.1f CPU-s (%.2f cores)", used, used / seconds);
        }
        System.out.printf("   %.1f s%s%n", seconds, driver);
        Files.writeString(phases, phase + " " + start + " " + stop + " " + total + " " + errors + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static void line(String label, long requests, double seconds, long total, List<Long> sorted, long errors) {
        System.out.printf("%-34s %9d %9.1f %6.1f%% %9.1f %9.1f %9.1f %7d%n", label, requests, requests / seconds,
                100.0 * requests / total, ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), errors);
    }

    static double ms(List<Long> sorted, double q) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, q * sorted.size())) / 1000.0;
    }
}
