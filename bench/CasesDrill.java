import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * For bench/fault-drill.sh, drills R1 (kill -9 of the application and its database) and R2 (PostgreSQL restarted):
 * applicants submitting cases through the pages, each submission with its idempotency key (the review page's
 * submission key), while the script breaks something. Compiled with bench/CasesSubmit.java, whose preparation it
 * reuses: CLIENTS citizens registered through /register, signed in, each with DRAFTS complete drafts.
 *
 * <p>Once the drafts are ready it writes OUT/ready and every client submits its drafts one after the other. An
 * answer other than the receipt does not end a submission: a refused connection or a timeout (the application is
 * down), a 503 (its database is: the answer must carry Retry-After and no stack trace, and the client waits that
 * long, at most 2 s) or a redirect to the sign-in page (the application restarted and the session is gone: the client
 * signs in again) is retried with the SAME key, until the receipt or the deadline. Every receipt's case number is read
 * from the receipt page. When all are done and the script has written OUT/recovered (the fault is over), every
 * receipted key is sent once more: it must answer with the same receipt and number. Then the database is asked: each receipted (case, key) is one submitted case with that number,
 * a process and one submission step; no two cases share a number; no case of the drill is half-written (a submitted
 * case without its number, process instance or submission step, or a draft with a number).
 *
 * <p>Arguments: base-url database clients drafts-per-client out-dir deadline-seconds. database: the embedded
 * cluster's data directory (port and password read from it at each connection), or a jdbc: URL (user and password
 * from PGUSER and PGPASSWORD). Prints one summary line; exit status 1 when anything is lost, duplicated, differs or
 * is half-written.
 */
public class CasesDrill {

    static final Pattern NUMBER = Pattern.compile("data-testid=\"case-number\"[^>]*>([^<]+)<");
    static final Pattern STACK = Pattern.compile("Exception|\\bat (org|java|com)\\.|\\.java:\\d+\\)");

    static String database;
    static final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
    static final Set<String> stackTraces = ConcurrentHashMap.newKeySet();

    record Receipt(long caseId, UUID key, String number, int attempts) {}

    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(2);
        }
    }

    static int run(String[] args) throws Exception {
        CasesSubmit.base = args[0];
        database = args[1];
        int clients = Integer.parseInt(args[2]);
        int drafts = Integer.parseInt(args[3]);
        Path out = Path.of(args[4]);
        long deadline = System.nanoTime() + Long.parseLong(args[5]) * 1_000_000_000L;
        String run = Long.toString(System.currentTimeMillis() / 1000 % 100000);

        List<CasesSubmit.Applicant> people = new ArrayList<>();
        String code;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<ConcurrentLinkedQueue<CasesSubmit.Draft>> queues = new ArrayList<>();
        try (Connection db = connect()) {
            code = CasesSubmit.entry(db);
            for (int c = 0; c < clients; c++) {
                people.add(CasesSubmit.register(db, run, c));
            }
            try (var raise = db.prepareStatement(
                    "UPDATE identity_account SET real_name_level = 4 WHERE username = ANY (?)")) {
                raise.setArray(
                        1, db.createArrayOf("varchar", people.stream().map(CasesSubmit.Applicant::username).toArray()));
                raise.executeUpdate();
            }
        }
        // Prepared 16 at a time: the preparation is not the drill, and 200 at once would wait past the pool's
        // connection timeout on a small machine (503, which the submissions below retry, the preparation not).
        ExecutorService preparing = Executors.newFixedThreadPool(Math.min(clients, 16));
        List<Future<List<CasesSubmit.Draft>>> making = new ArrayList<>();
        for (CasesSubmit.Applicant p : people) {
            making.add(preparing.submit(() -> {
                CasesSubmit.Applicant signedIn = CasesSubmit.signIn(p, code);
                List<CasesSubmit.Draft> mine = new ArrayList<>();
                for (int d = 0; d < drafts; d++) {
                    mine.add(CasesSubmit.draft(signedIn, code));
                }
                return mine;
            }));
        }
        for (Future<List<CasesSubmit.Draft>> f : making) {
            queues.add(new ConcurrentLinkedQueue<>(f.get()));
        }
        preparing.shutdown();
        System.err.printf("   %d applicants, %d complete drafts: submitting%n", clients, clients * drafts);
        Files.writeString(out.resolve("ready"), "");

        AtomicLong requests = new AtomicLong();
        ConcurrentLinkedQueue<Receipt> receipts = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> unfinished = new ConcurrentLinkedQueue<>();
        List<Future<?>> submitting = new ArrayList<>();
        for (ConcurrentLinkedQueue<CasesSubmit.Draft> queue : queues) {
            submitting.add(pool.submit(() -> {
                CasesSubmit.Applicant applicant = null;
                CasesSubmit.Draft d;
                while ((d = queue.poll()) != null) {
                    if (applicant == null) {
                        applicant = d.applicant();
                    }
                    UUID key = UUID.randomUUID();
                    int attempts = 0;
                    Receipt receipt = null;
                    while (receipt == null && System.nanoTime() < deadline) {
                        attempts++;
                        requests.incrementAndGet();
                        try {
                            HttpResponse<String> answer = CasesSubmit.post(
                                    applicant,
                                    "/my/cases/" + d.id() + "/submit",
                                    Map.of("submissionKey", key.toString(), "_csrf", applicant.csrf()));
                            String location = answer.headers().firstValue("Location").orElse("");
                            if (answer.statusCode() == 302 && location.endsWith("/my/cases/" + d.id() + "/receipt")) {
                                String number = number(applicant, d.id());
                                if (number != null) {
                                    receipt = new Receipt(d.id(), key, number, attempts);
                                }
                            } else if (answer.statusCode() == 302 && location.contains("/login")) {
                                count("signed out (302 to /login)");
                                applicant = signInAgain(applicant, code);
                            } else if (answer.statusCode() == 403) {
                                // A session that is new to the application: its CSRF token no longer holds.
                                count("403 (session lost)");
                                applicant = signInAgain(applicant, code);
                            } else if (answer.statusCode() == 503) {
                                unavailable(answer);
                            } else {
                                count("HTTP " + answer.statusCode());
                                if (STACK.matcher(answer.body()).find()) {
                                    stackTraces.add(answer.statusCode() + " " + answer.uri());
                                }
                                Thread.sleep(1000);
                            }
                        } catch (IOException e) {
                            count("connection (" + e.getClass().getSimpleName() + ")");
                            Thread.sleep(1000);
                        } catch (IllegalStateException e) {
                            // signing in again failed: the application is not back yet
                            count("sign-in again failed");
                            Thread.sleep(1000);
                        }
                    }
                    if (receipt != null) {
                        receipts.add(receipt);
                    } else {
                        unfinished.add(d.id() + " " + key);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : submitting) {
            f.get();
        }

        // Every receipted key once more: the same receipt, the same number.
        AtomicInteger same = new AtomicInteger();
        ConcurrentLinkedQueue<String> differing = new ConcurrentLinkedQueue<>();
        List<Future<?>> replaying = new ArrayList<>();
        Map<String, List<Receipt>> byApplicant = new TreeMap<>();
        Map<Long, String> usernameOf = new ConcurrentHashMap<>();
        try (Connection db = connect();
                var q = db.prepareStatement("SELECT c.id, a.username FROM cases_case c "
                        + "JOIN identity_account a ON a.id = c.applicant_account_id WHERE c.id = ANY (?)")) {
            q.setArray(1, db.createArrayOf("bigint", receipts.stream().map(Receipt::caseId).toArray()));
            try (var rs = q.executeQuery()) {
                while (rs.next()) {
                    usernameOf.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        for (Receipt r : receipts) {
            byApplicant.computeIfAbsent(usernameOf.get(r.caseId()), k -> new ArrayList<>()).add(r);
        }
        Map<String, CasesSubmit.Applicant> byName = new TreeMap<>();
        people.forEach(p -> byName.put(p.username(), p));
        // After the fault is over (the script writes OUT/recovered), not while the application is still away.
        while (!Files.exists(out.resolve("recovered")) && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        for (var entry : byApplicant.entrySet()) {
            replaying.add(pool.submit(() -> {
                CasesSubmit.Applicant a = null;
                for (Receipt r : entry.getValue()) {
                    String seen = null;
                    for (int attempt = 0; seen == null && attempt < 30; attempt++) {
                        try {
                            if (a == null) {
                                a = signInAgain(byName.get(entry.getKey()), code);
                            }
                            HttpResponse<String> answer = CasesSubmit.post(
                                    a,
                                    "/my/cases/" + r.caseId() + "/submit",
                                    Map.of("submissionKey", r.key().toString(), "_csrf", a.csrf()));
                            String location = answer.headers().firstValue("Location").orElse("");
                            if (answer.statusCode() == 503) {
                                // busy (the pool's wait ran out): as asked, again after Retry-After
                                count("replay: 503");
                                unavailable(answer);
                                continue;
                            }
                            seen = location.endsWith("/my/cases/" + r.caseId() + "/receipt")
                                    ? number(a, r.caseId())
                                    : answer.statusCode() + " " + location;
                        } catch (IOException | IllegalStateException e) {
                            count("replay: " + e.getClass().getSimpleName());
                            a = null;
                            Thread.sleep(1000);
                        }
                    }
                    if (r.number().equals(seen)) {
                        same.incrementAndGet();
                    } else {
                        differing.add(r.caseId() + " " + r.key() + " " + r.number() + " → " + seen);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : replaying) {
            f.get();
        }
        pool.shutdown();

        List<String> lines = new ArrayList<>();
        receipts.forEach(r -> lines.add(r.caseId() + " " + r.key() + " " + r.number() + " " + r.attempts()));
        Files.write(out.resolve("receipts.txt"), lines);
        Files.write(out.resolve("unfinished.txt"), unfinished);
        Files.write(out.resolve("replay-differing.txt"), differing);
        Files.write(out.resolve("stack-traces.txt"), stackTraces);
        long retried = receipts.stream().filter(r -> r.attempts() > 1).count();

        String verdict;
        try (Connection db = connect()) {
            verdict = verify(db, List.copyOf(receipts), people.stream().map(CasesSubmit.Applicant::username).toList());
        }
        Map<String, Integer> errorCounts = new TreeMap<>();
        errors.forEach((k, v) -> errorCounts.put(k, v.get()));
        System.out.printf(
                "submissions %d, requests %d, receipts %d (%d after a retry with the same key), unfinished %d;"
                        + " errors %s; stack traces %d; replayed keys %d, same number %d; %s%n",
                clients * drafts,
                requests.get(),
                receipts.size(),
                retried,
                unfinished.size(),
                errorCounts,
                stackTraces.size(),
                receipts.size(),
                same.get(),
                verdict);
        boolean ok = verdict.startsWith("verified")
                && unfinished.isEmpty()
                && differing.isEmpty()
                && stackTraces.isEmpty();
        return ok ? 0 : 1;
    }

    static void count(String kind) {
        errors.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
    }

    /** A 503: with Retry-After and without a stack trace; waits as asked (at most 2 s). */
    static void unavailable(HttpResponse<String> answer) throws InterruptedException {
        String after = answer.headers().firstValue("Retry-After").orElse(null);
        count(after == null ? "503 without Retry-After" : "503 with Retry-After");
        if (STACK.matcher(answer.body()).find()) {
            stackTraces.add("503 " + answer.uri());
        }
        long seconds = after == null ? 1 : Math.min(2, Long.parseLong(after.strip()));
        Thread.sleep(seconds * 1000);
    }

    static CasesSubmit.Applicant signInAgain(CasesSubmit.Applicant a, String code) throws Exception {
        return CasesSubmit.signIn(a, code);
    }

    /** The case number on the receipt page, or null when it could not be read now (counted as an error kind). */
    static String number(CasesSubmit.Applicant a, long id) throws Exception {
        try {
            HttpResponse<String> page = CasesSubmit.get(a.http(), "/my/cases/" + id + "/receipt");
            Matcher m = NUMBER.matcher(page.body());
            if (page.statusCode() == 200 && m.find()) {
                return m.group(1).strip();
            }
            count("receipt page " + page.statusCode());
        } catch (IOException e) {
            count("receipt page: connection");
        }
        return null;
    }

    static Connection connect() throws Exception {
        for (int attempt = 0; ; attempt++) {
            try {
                if (database.startsWith("jdbc:")) {
                    return DriverManager.getConnection(
                            database, System.getenv("PGUSER"), System.getenv().getOrDefault("PGPASSWORD", ""));
                }
                return CasesSubmit.connect(Path.of(database));
            } catch (Exception e) {
                if (attempt > 120) {
                    throw e;
                }
                Thread.sleep(1000);
            }
        }
    }

    static String verify(Connection db, List<Receipt> receipts, List<String> usernames) throws Exception {
        long matching;
        try (var q = db.prepareStatement("""
                        SELECT count(*) FROM cases_case c
                        JOIN unnest(?::bigint[], ?::uuid[], ?::text[]) AS r (id, key, number)
                          ON r.id = c.id AND r.key = c.submission_key
                             AND replace(r.number, '-', '') = replace(c.case_number, '-', '')
                        WHERE c.status <> 'DRAFT' AND c.process_instance_id IS NOT NULL
                          AND (SELECT count(*) FROM cases_step s WHERE s.case_id = c.id AND s.step = 'submit') = 1""")) {
            q.setArray(1, db.createArrayOf("bigint", receipts.stream().map(Receipt::caseId).toArray()));
            q.setArray(2, db.createArrayOf("uuid", receipts.stream().map(Receipt::key).toArray()));
            q.setArray(3, db.createArrayOf("text", receipts.stream().map(Receipt::number).toArray()));
            try (var rs = q.executeQuery()) {
                rs.next();
                matching = rs.getLong(1);
            }
        }
        long cases, submitted, distinctNumbers, halfWritten, duplicatedKeys;
        try (var q = db.prepareStatement("""
                        SELECT count(*),
                               count(*) FILTER (WHERE c.status <> 'DRAFT'),
                               count(DISTINCT c.case_number),
                               count(*) FILTER (WHERE (c.status <> 'DRAFT' AND (c.case_number IS NULL
                                        OR c.process_instance_id IS NULL
                                        OR NOT EXISTS (SELECT 1 FROM act_ru_execution e
                                                       WHERE e.proc_inst_id_ = c.process_instance_id)
                                        OR (SELECT count(*) FROM cases_step s
                                            WHERE s.case_id = c.id AND s.step = 'submit') <> 1))
                                    OR (c.status = 'DRAFT' AND c.case_number IS NOT NULL)),
                               count(c.submission_key) - count(DISTINCT c.submission_key)
                        FROM cases_case c JOIN identity_account a ON a.id = c.applicant_account_id
                        WHERE a.username = ANY (?)""")) {
            q.setArray(1, db.createArrayOf("varchar", usernames.toArray()));
            try (var rs = q.executeQuery()) {
                rs.next();
                cases = rs.getLong(1);
                submitted = rs.getLong(2);
                distinctNumbers = rs.getLong(3);
                halfWritten = rs.getLong(4);
                duplicatedKeys = rs.getLong(5);
            }
        }
        long lost = receipts.size() - matching;
        long duplicated = (submitted - distinctNumbers) + duplicatedKeys;
        boolean ok = lost == 0 && duplicated == 0 && halfWritten == 0;
        return (ok ? "verified: " : "NOT VERIFIED: ")
                + "lost %d, duplicated %d, half-written %d (the drill's cases: %d, submitted %d, distinct numbers %d)"
                        .formatted(lost, duplicated, halfWritten, cases, submitted, distinctNumbers);
    }
}
