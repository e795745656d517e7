import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.sql.Connection;

/**
 * For bench/sessions.sh: registers a citizen through the public form (the code read from the development outbox in
 * the bench's own database), signs them in, and prints the session cookie as a request header
 * ({@code Cookie: ZHENGWU_SESSION=…}) for wrk. Uses the helpers of CasesSubmit (compiled beside it).
 *
 * <pre>java -cp … SessionsSignIn BASE PG_DATA_DIR</pre>
 */
public class SessionsSignIn {

    public static void main(String[] args) throws Exception {
        CasesSubmit.base = args[0];
        String run = Long.toString(System.currentTimeMillis() / 1000 % 100000);
        try (Connection db = CasesSubmit.connect(Path.of(args[1]))) {
            CasesSubmit.Applicant registered = CasesSubmit.register(db, run, 1);
            HttpClient http = CasesSubmit.client();
            String token = CasesSubmit.csrf(CasesSubmit.get(http, "/login"));
            var answer = CasesSubmit.post(
                    http,
                    "/login",
                    java.util.Map.of(
                            "username", registered.username(), "password", CasesSubmit.PASSWORD, "_csrf", token));
            if (answer.statusCode() != 302) {
                throw new IllegalStateException("sign-in answered " + answer.statusCode());
            }
            CookieManager cookies = (CookieManager) http.cookieHandler().orElseThrow();
            HttpCookie session = cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("ZHENGWU_SESSION"))
                    .findFirst()
                    .orElseThrow();
            if (CasesSubmit.get(http, "/account/keepalive").statusCode() != 204) {
                throw new IllegalStateException("the keep-alive of a signed-in session did not answer 204");
            }
            System.out.println("Cookie: ZHENGWU_SESSION=" + session.getValue());
        }
    }
}
