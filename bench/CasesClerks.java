import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.zhengwu.identity.account.Totp;

/**
 * For bench/cases.sh, part (b): the clerks and the pages they load.
 *
 * <p>Creates CLERKS members of staff with SQL in the bench's own database, spread over the FIRMS organisations that
 * hold the most cases (受理, 承办审核, 审批 and 电子监察 roles each, as one 综合窗口 clerk of a small office holds; their
 * password hash is a bench citizen's, whose password is known), then signs each in through the pages as staff do:
 * password, then enrolling an authenticator (the TOTP secret read from the setup page, its code computed here), then
 * the recovery-code confirmation. Writes for bench/lib/random-paths.lua one file per page, each line "cookie path":
 * workbench.txt (each clerk's 待办, due within DUE_DAYS days), detail.txt (200 random case ids of each clerk's
 * organisation), statistics.txt (each clerk's statistics page). Uses CasesSubmit for HTTP and the database.
 *
 * <p>Arguments: base-url pg-data-dir clerks organisations due-days out-dir.
 */
public class CasesClerks {

    public static void main(String[] args) throws Exception {
        CasesSubmit.base = args[0];
        Path pg = Path.of(args[1]);
        int clerks = Integer.parseInt(args[2]);
        int firms = Integer.parseInt(args[3]);
        int dueDays = Integer.parseInt(args[4]);
        Path out = Path.of(args[5]);
        String run = Long.toString(System.currentTimeMillis() / 1000 % 100000);
        List<String> workbench = new ArrayList<>();
        List<String> detail = new ArrayList<>();
        List<String> statistics = new ArrayList<>();
        List<String> scopes = new ArrayList<>();
        String dueBy = LocalDate.now().plusDays(dueDays).toString();
        try (Connection db = CasesSubmit.connect(pg)) {
            List<String> organisations = new ArrayList<>();
            try (var q = db.prepareStatement("""
                            SELECT organisation_uscc FROM cases_case GROUP BY organisation_uscc
                            ORDER BY count(*) DESC LIMIT ?""")) {
                q.setInt(1, firms);
                try (var rs = q.executeQuery()) {
                    while (rs.next()) {
                        organisations.add(rs.getString(1));
                    }
                }
            }
            for (int n = 0; n < clerks; n++) {
                String organisation = organisations.get(n % organisations.size());
                String username = "clerk" + run + "n" + n;
                try (var insert = db.prepareStatement("""
                                INSERT INTO identity_account (subject_id, username, display_name, password_hash,
                                    account_type, organisation_uscc, password_changed_at)
                                SELECT gen_random_uuid(), ?, '压测办件人员', password_hash, 'STAFF', ?, now()
                                FROM identity_account WHERE account_type = 'PERSON' AND username LIKE 'bench%'
                                LIMIT 1 RETURNING id""")) {
                    insert.setString(1, username);
                    insert.setString(2, organisation);
                    try (var rs = insert.executeQuery()) {
                        rs.next();
                        long id = rs.getLong(1);
                        for (String role : List.of("CASE_CLERK", "CASE_REVIEWER", "CASE_APPROVER", "CASE_SUPERVISOR")) {
                            try (var grant = db.prepareStatement(
                                    "INSERT INTO identity_account_role (account_id, role) VALUES (?, ?)")) {
                                grant.setLong(1, id);
                                grant.setString(2, role);
                                grant.executeUpdate();
                            }
                        }
                    }
                }
                String cookie = signIn(username);
                workbench.add(cookie + " /workbench?tab=todo&dueBy=" + dueBy);
                statistics.add(cookie + " /statistics");
                try (var q = db.prepareStatement("""
                                SELECT id FROM cases_case TABLESAMPLE SYSTEM (5)
                                WHERE organisation_uscc = ? AND status <> 'DRAFT' LIMIT 200""")) {
                    q.setString(1, organisation);
                    try (var rs = q.executeQuery()) {
                        while (rs.next()) {
                            detail.add(cookie + " /workbench/cases/" + rs.getLong(1));
                        }
                    }
                }
                scopes.add(username + " " + organisation);
            }
        }
        Files.write(out.resolve("workbench.txt"), workbench);
        Files.write(out.resolve("detail.txt"), detail);
        Files.write(out.resolve("statistics.txt"), statistics);
        Files.write(out.resolve("clerks.txt"), scopes);
        System.out.println(
                "clerks: " + clerks + " signed in, " + detail.size() + " case pages to read, 待办 due by " + dueBy);
    }

    /** Password, then a newly enrolled authenticator, as a member of staff signs in the first time; the cookie. */
    static String signIn(String username) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(cookies)
                .build();
        String token = CasesSubmit.csrf(CasesSubmit.get(http, "/login"));
        HttpResponse<String> password = CasesSubmit.post(
                http, "/login", Map.of("username", username, "password", CasesSubmit.PASSWORD, "_csrf", token));
        String next = password.headers().firstValue("Location").orElse("");
        if (!next.endsWith("/account/mfa/setup")) {
            throw new IllegalStateException("password sign-in of " + username + " ended at " + next);
        }
        HttpResponse<String> setup = CasesSubmit.get(http, "/account/mfa/setup");
        Matcher secret = Pattern.compile("data-testid=\"totp-secret\"[^>]*>\\s*([A-Z2-7 ]+)\\s*<")
                .matcher(setup.body());
        if (!secret.find()) {
            throw new IllegalStateException("no TOTP secret on the setup page of " + username);
        }
        String code = Totp.code(Totp.fromBase32(secret.group(1).replace(" ", "")), Totp.step(Instant.now()));
        HttpResponse<String> confirmed = CasesSubmit.post(
                http, "/account/mfa/setup", Map.of("code", code, "_csrf", CasesSubmit.csrf(setup)));
        String recoveryAt = confirmed.headers().firstValue("Location").orElseThrow(
                () -> new IllegalStateException("the authenticator code of " + username + " was not accepted"));
        HttpResponse<String> recovery = CasesSubmit.get(http, URI.create(recoveryAt).getPath());
        HttpResponse<String> done = CasesSubmit.post(
                http, "/account/mfa/setup/done", Map.of("_csrf", CasesSubmit.csrf(recovery)));
        if (done.statusCode() != 302) {
            throw new IllegalStateException("sign-in of " + username + " ended at " + done.statusCode());
        }
        HttpResponse<String> list = CasesSubmit.get(http, "/workbench");
        if (list.statusCode() != 200) {
            throw new IllegalStateException("the workbench of " + username + " answered " + list.statusCode());
        }
        for (HttpCookie c : cookies.getCookieStore().getCookies()) {
            if (c.getName().equals("ZHENGWU_SESSION")) {
                return c.getName() + "=" + c.getValue();
            }
        }
        throw new IllegalStateException("no session cookie for " + username);
    }
}
