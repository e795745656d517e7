import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * For bench/cases.sh, part (a): durable online submissions per second.
 *
 * <p>Prepares, untimed, through the pages as a browser without JavaScript would: CLIENTS citizens registered through
 * /register (their real-name level then raised to 4 with SQL in the bench's own database, as the tests do), each
 * signed in with its own session, each holding DRAFTS complete drafts of 公共场所卫生许可 in 蜀山区 (the form filled,
 * the three required materials uploaded, the form sent on to review). Then, timed, CLIENTS threads submit their
 * drafts (POST /my/cases/{id}/submit with a fresh submission key, as the review page gives) for SECONDS; only a 302
 * to the case's receipt counts. Afterwards every acknowledged submission is looked up in the database: one row with
 * that key, a case number, a process instance and a submission step, and no two with one number.
 *
 * <p>Arguments: base-url pg-data-dir clients drafts-per-client seconds out-dir. Prints one summary line
 * ("submissions: …") and writes out-dir/submit-latency.txt; exit status 1 when a check fails.
 */
public class CasesSubmit {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                    + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);
    static final String PASSWORD = "Bench-Password-1";

    static String base;

    record Applicant(String username, String mobile, String idNumber, HttpClient http, String csrf) {}

    record Draft(Applicant applicant, long id) {}

    public static void main(String[] args) throws Exception {
        base = args[0];
        Path pg = Path.of(args[1]);
        int clients = Integer.parseInt(args[2]);
        int drafts = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        Path out = Path.of(args[5]);
        String run = Long.toString(System.currentTimeMillis() / 1000 % 100000);

        try (Connection db = connect(pg)) {
            String code = entry(db);
            System.err.println("   item 公共场所卫生许可 (蜀山区): " + code);

            // Registration and sign-in: untimed. One after the other, so that the newest code in the development
            // outbox is the one just sent.
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Applicant> people = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                people.add(register(db, run, c));
            }
            try (var raise = db.prepareStatement(
                    "UPDATE identity_account SET real_name_level = 4 WHERE username = ANY (?)")) {
                raise.setArray(
                        1, db.createArrayOf("varchar", people.stream().map(Applicant::username).toArray()));
                raise.executeUpdate();
            }
            List<Future<Applicant>> signedIn = new ArrayList<>();
            for (Applicant p : people) {
                signedIn.add(pool.submit(() -> signIn(p, code)));
            }
            people.clear();
            for (Future<Applicant> f : signedIn) {
                people.add(f.get());
            }

            // Complete drafts: untimed.
            long prepared = System.nanoTime();
            List<Future<List<Draft>>> making = new ArrayList<>();
            for (Applicant p : people) {
                making.add(pool.submit(() -> {
                    List<Draft> mine = new ArrayList<>();
                    for (int d = 0; d < drafts; d++) {
                        mine.add(draft(p, code));
                    }
                    return mine;
                }));
            }
            List<ConcurrentLinkedQueue<Draft>> queues = new ArrayList<>();
            for (Future<List<Draft>> f : making) {
                queues.add(new ConcurrentLinkedQueue<>(f.get()));
            }
            System.err.printf(
                    "   %d complete drafts prepared in %.0f s%n",
                    (long) clients * drafts, (System.nanoTime() - prepared) / 1e9);

            // The timed part: each client submits its own drafts one after the other until the time is up.
            boolean statements = System.getenv("PG_STATEMENTS") != null;
            if (statements) {
                try (var reset = db.createStatement()) {
                    reset.execute("SELECT pg_stat_statements_reset()");
                }
            }
            double[] cpuBefore = cpuSeconds();
            long start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            List<Future<List<long[]>>> submitting = new ArrayList<>();
            ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
            for (ConcurrentLinkedQueue<Draft> queue : queues) {
                submitting.add(pool.submit(() -> {
                    List<long[]> latencies = new ArrayList<>();
                    Draft d;
                    while (System.nanoTime() < end && (d = queue.poll()) != null) {
                        UUID key = UUID.randomUUID();
                        long t0 = System.nanoTime();
                        HttpResponse<String> answer = post(
                                d.applicant(),
                                "/my/cases/" + d.id() + "/submit",
                                Map.of("submissionKey", key.toString(), "_csrf", d.applicant().csrf()));
                        long t1 = System.nanoTime();
                        String location = answer.headers().firstValue("Location").orElse("");
                        if (answer.statusCode() == 302 && location.endsWith("/my/cases/" + d.id() + "/receipt")) {
                            acknowledged.add(d.id() + " " + key);
                            latencies.add(new long[] {t1 - t0});
                        } else {
                            refused.add(d.id() + " " + answer.statusCode() + " " + location);
                        }
                    }
                    return latencies;
                }));
            }
            List<Long> latencies = new ArrayList<>();
            for (Future<List<long[]>> f : submitting) {
                f.get().forEach(l -> latencies.add(l[0]));
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            double[] cpuAfter = cpuSeconds();
            pool.shutdown();
            if (statements) {
                writeStatements(db, out.resolve("submit-statements.txt"));
            }
            boolean ranOut = queues.stream().anyMatch(ConcurrentLinkedQueue::isEmpty);
            Files.write(out.resolve("submit-acknowledged.txt"), acknowledged);
            Files.write(out.resolve("submit-refused.txt"), refused);

            String verdict = verify(db, List.copyOf(acknowledged));
            latencies.sort(null);
            Files.writeString(
                    out.resolve("submit-latency.txt"),
                    "p50 %.1f ms%np95 %.1f ms%np99 %.1f ms%n"
                            .formatted(ms(latencies, 0.50), ms(latencies, 0.95), ms(latencies, 0.99)));
            System.out.printf(
                    "submissions: %d acknowledged in %.1f s = %.1f/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms,"
                            + " refused %d%s; %s%n",
                    acknowledged.size(),
                    elapsed,
                    acknowledged.size() / elapsed,
                    ms(latencies, 0.50),
                    ms(latencies, 0.95),
                    ms(latencies, 0.99),
                    refused.size(),
                    ranOut ? " (a client ran out of drafts before the time was up: prepare more)" : "",
                    verdict);
            int n = Math.max(1, acknowledged.size());
            System.out.printf(
                    "CPU per acknowledged submission: application JVM %.2f ms, PostgreSQL %.2f ms, this load driver %.2f ms%n",
                    (cpuAfter[0] - cpuBefore[0]) * 1000 / n,
                    (cpuAfter[1] - cpuBefore[1]) * 1000 / n,
                    (cpuAfter[2] - cpuBefore[2]) * 1000 / n);
            if (!verdict.startsWith("verified")) {
                System.exit(1);
            }
        }
    }

    /** PostgreSQL's statements of the timed part (pg_stat_statements), by the time the server spent in them. */
    static void writeStatements(Connection db, Path file) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("total ms | calls | mean ms | rows | statement");
        try (var q = db.prepareStatement("""
                SELECT round(total_exec_time::numeric, 1), calls, round(mean_exec_time::numeric, 3), rows,
                       regexp_replace(query, '\\s+', ' ', 'g')
                FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 60""");
                var rs = q.executeQuery()) {
            while (rs.next()) {
                lines.add(rs.getString(1) + " | " + rs.getLong(2) + " | " + rs.getString(3) + " | " + rs.getLong(4)
                        + " | " + rs.getString(5));
            }
        }
        Files.write(file, lines);
    }

    /**
     * CPU seconds (user + system) so far of the application's JVM (PLATFORM_PID), of its PostgreSQL (PLATFORM_POSTMASTER,
     * its backends and the children it has reaped) and of this process, from /proc; NaN where a process id is not given.
     */
    static double[] cpuSeconds() {
        return new double[] {
            ticksOf(System.getenv("PLATFORM_PID"), false),
            postgresTicks(System.getenv("PLATFORM_POSTMASTER")),
            ticksOf(Long.toString(ProcessHandle.current().pid()), false)
        };
    }

    static double postgresTicks(String postmaster) {
        if (postmaster == null || postmaster.isBlank()) {
            return Double.NaN;
        }
        double total = ticksOf(postmaster, true);
        for (ProcessHandle child : ProcessHandle.of(Long.parseLong(postmaster.trim()))
                .map(p -> p.children().toList())
                .orElse(List.of())) {
            double t = ticksOf(Long.toString(child.pid()), false);
            total += Double.isNaN(t) ? 0 : t;
        }
        return total;
    }

    /** utime + stime (and, with reaped, cutime + cstime) of /proc/PID/stat, in seconds (USER_HZ of 100). */
    static double ticksOf(String pid, boolean reaped) {
        if (pid == null || pid.isBlank()) {
            return Double.NaN;
        }
        try {
            String stat = Files.readString(Path.of("/proc", pid.trim(), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            if (reaped) {
                t += Long.parseLong(f[13]) + Long.parseLong(f[14]);
            }
            return t / 100.0;
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    static double ms(List<Long> sorted, double q) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, q * sorted.size())) / 1e6;
    }

    static Connection connect(Path pg) throws Exception {
        String port = Files.readAllLines(pg.resolve("postmaster.pid")).get(3).strip();
        String password = Files.readString(pg.resolve("superuser.password")).strip();
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/zhengwu", "postgres", password);
    }

    /** The published 公共场所卫生许可 entry of 蜀山区: an online 承诺件 with a form and three required materials. */
    static String entry(Connection db) throws Exception {
        try (var q = db.prepareStatement("""
                        SELECT i.implementation_code FROM catalog_item i
                        JOIN catalog_item_version v ON v.item_id = i.id AND v.status = 'PUBLISHED'
                        WHERE v.name = '公共场所卫生许可' AND i.division_code = '340104'""");
                var rs = q.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("no published 公共场所卫生许可 in 蜀山区");
            }
            return rs.getString(1);
        }
    }

    static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    static HttpResponse<String> get(HttpClient http, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Accept", "text/html")
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(HttpClient http, String path, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "text/html")
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(Applicant a, String path, Map<String, String> fields) throws Exception {
        return post(a.http(), path, fields);
    }

    static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String csrf(HttpResponse<String> page) {
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on " + page.uri() + " (" + page.statusCode() + ")");
        }
        return m.group(1);
    }

    /** GB 11643 check character: ISO 7064 MOD 11-2 over the 17 digits. */
    static String idNumber(String id17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id17.charAt(i) - '0') * weights[i];
        }
        return id17 + "10X98765432".charAt(sum % 11);
    }

    static Applicant register(Connection db, String run, int n) throws Exception {
        HttpClient http = client();
        String username = "bench" + run + "a" + n;
        String birth = java.time.LocalDate.of(1970, 1, 1)
                .plusDays(Long.parseLong(run) % 7000 + n)
                .format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        String id = idNumber("340104" + birth + String.format("%03d", n));
        String mobile = "138" + String.format("%05d%03d", Long.parseLong(run) % 100000, n);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("realName", "压测申请人");
        form.put("idNumber", id);
        form.put("mobile", mobile);
        form.put("email", "");
        form.put("password", PASSWORD);
        form.put("confirmation", PASSWORD);
        form.put("_csrf", csrf(get(http, "/register")));
        HttpResponse<String> asked = post(http, "/register", form);
        String code;
        try (var q = db.prepareStatement(
                        "SELECT body FROM identity_notification_outbox ORDER BY id DESC LIMIT 1");
                var rs = q.executeQuery()) {
            Matcher m = rs.next() ? Pattern.compile("(\\d{6})").matcher(rs.getString(1)) : null;
            if (asked.statusCode() != 200 || m == null || !m.find()) {
                throw new IllegalStateException("registration of " + username + " sent no code: "
                        + asked.statusCode() + " " + asked.body().replaceAll("<[^>]+>", " ").replaceAll("\\s+", " "));
            }
            code = m.group(1);
        }
        HttpResponse<String> answer = post(http, "/register/confirm", Map.of("code", code, "_csrf", csrf(asked)));
        // A 302 back to /register is no registration: the pending request was refused (e.g. the address's limit).
        if (answer.statusCode() != 302
                || !answer.headers().firstValue("Location").orElse("").contains("/login?registered")) {
            throw new IllegalStateException("registration of " + username + " answered " + answer.statusCode() + " "
                    + answer.headers().firstValue("Location").orElse(""));
        }
        return new Applicant(username, mobile, id, http, null);
    }

    static Applicant signIn(Applicant a, String code) throws Exception {
        HttpClient http = client();
        String token = csrf(get(http, "/login"));
        HttpResponse<String> answer = post(
                http, "/login", Map.of("username", a.username(), "password", PASSWORD, "_csrf", token));
        if (answer.statusCode() != 302 || !answer.headers().firstValue("Location").orElse("").endsWith("/account")) {
            throw new IllegalStateException("sign-in of " + a.username() + " answered " + answer.statusCode() + " "
                    + answer.headers().firstValue("Location").orElse(""));
        }
        // The session's CSRF token is the same for every form of the session; one page gives it.
        return new Applicant(a.username(), a.mobile(), a.idNumber(), http, csrf(get(http, "/apply/" + code)));
    }

    static Draft draft(Applicant a, String code) throws Exception {
        HttpResponse<String> begun = post(a, "/apply/" + code, Map.of("_csrf", a.csrf()));
        String location = begun.headers().firstValue("Location").orElse("");
        Matcher m = Pattern.compile("/my/cases/(\\d+)/form$").matcher(location);
        if (begun.statusCode() != 302 || !m.find()) {
            throw new IllegalStateException("starting a draft answered " + begun.statusCode() + " " + location);
        }
        long id = Long.parseLong(m.group(1));
        for (int material = 1; material <= 3; material++) {
            upload(a, id, material);
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("_csrf", a.csrf());
        values.put("values[applicant_kind]", "person");
        values.put("values[applicant_name]", "压测申请人");
        values.put("values[enterprise_uscc]", "11340100662167280R");
        values.put("values[venue_name]", "蜀山区压测宾馆");
        values.put("values[venue_type]", "hotel");
        values.put("values[hygiene_report_number]", "JC2026-0001");
        values.put("values[venue_division]", "340104");
        values.put("values[venue_address]", "合肥市蜀山区长江西路1号");
        values.put("values[floor_area]", "320");
        values.put("values[employees]", "12");
        values.put("values[certified_employees]", "12");
        values.put("values[contact_mobile]", a.mobile());
        values.put("values[commitment]", "true");
        values.put("next", "review");
        HttpResponse<String> review = post(a, "/my/cases/" + id + "/form", values);
        if (review.statusCode() != 302
                || !review.headers().firstValue("Location").orElse("").endsWith("/review")) {
            Matcher problems = Pattern.compile("data-testid=\"error-summary\"(.{0,1500})", Pattern.DOTALL)
                    .matcher(review.body());
            throw new IllegalStateException("the draft " + id + " is not complete: " + review.statusCode() + " "
                    + (problems.find() ? problems.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ") : ""));
        }
        return new Draft(a, id);
    }

    static void upload(Applicant a, long id, int material) throws Exception {
        String boundary = "----bench" + UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"material\"\r\n\r\n" + material
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + a.csrf()
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"材料" + material
                + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n";
        body.write(head.getBytes(StandardCharsets.UTF_8));
        body.write(PDF);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = a.http()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/my/cases/" + id + "/materials"))
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .header("Accept", "text/html")
                                .timeout(Duration.ofSeconds(60))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 302) {
            throw new IllegalStateException("upload of material " + material + " answered " + answer.statusCode());
        }
    }

    /** Each acknowledged (case id, key) is one submitted row with a number, a process and its submission step. */
    static String verify(Connection db, List<String> acknowledged) throws Exception {
        Long[] ids = acknowledged.stream().map(l -> Long.valueOf(l.split(" ")[0])).toArray(Long[]::new);
        UUID[] keys = acknowledged.stream().map(l -> UUID.fromString(l.split(" ")[1])).toArray(UUID[]::new);
        try (var q = db.prepareStatement("""
                        SELECT count(*), count(DISTINCT c.case_number), count(DISTINCT c.id),
                               count(*) FILTER (WHERE c.process_instance_id IS NOT NULL),
                               count(*) FILTER (WHERE (SELECT count(*) FROM cases_step s
                                                       WHERE s.case_id = c.id AND s.step = 'submit') = 1)
                        FROM cases_case c
                        JOIN unnest(?::bigint[], ?::uuid[]) AS a (id, key) ON a.id = c.id AND a.key = c.submission_key
                        WHERE c.status = 'SUBMITTED' AND c.case_number IS NOT NULL""")) {
            q.setArray(1, db.createArrayOf("bigint", ids));
            q.setArray(2, db.createArrayOf("uuid", keys));
            try (var rs = q.executeQuery()) {
                rs.next();
                long[] counts = {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)};
                boolean ok = Arrays.stream(counts).allMatch(c -> c == acknowledged.size());
                return (ok ? "verified: " : "NOT VERIFIED: ")
                        + "rows %d, distinct numbers %d, distinct cases %d, with a process %d, with one submit step %d, of %d acknowledged"
                                .formatted(
                                        counts[0], counts[1], counts[2], counts[3], counts[4], acknowledged.size());
            }
        }
    }
}
