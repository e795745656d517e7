package org.zhengwu.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.zhengwu.identity.IdentityAccess;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.identity.account.Totp;

/**
 * A real HTTP client with its own cookie jar, used as a browser without JavaScript would be: it gets pages, reads
 * their forms (CSRF token included) and posts them. Redirects are not followed, so tests see them. Paths are on the
 * platform; absolute addresses reach other sites (a relying party) with the same cookie jar, as one browser would.
 */
public final class TestBrowser {

    /** A response with its body parsed as HTML when it is HTML. */
    public record Page(int status, String body, Map<String, List<String>> headers, String uri) {
        public Document html() {
            return Jsoup.parse(body, uri);
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst()
                    .orElse(null);
        }

        public String location() {
            return header("Location");
        }
    }

    /** The password of staff created by {@link #signInNewStaff}. */
    public static final String STAFF_PASSWORD = "Staff-Password-2026";

    private final String base;
    private final String clientAddress;
    private final HttpClient client;
    private final CookieManager cookies;

    public TestBrowser(int port) {
        this(port, null);
    }

    /**
     * A browser whose requests arrive through the (trusted, local) reverse proxy on behalf of {@code clientAddress},
     * so that tests of per-address limits do not count against every other test's 127.0.0.1.
     */
    public TestBrowser(int port, String clientAddress) {
        this(port, clientAddress, new CookieManager());
    }

    private TestBrowser(int port, String clientAddress, CookieManager cookies) {
        this.clientAddress = clientAddress;
        this.base = "http://localhost:" + port;
        this.cookies = cookies;
        cookies.setCookiePolicy(CookiePolicy.ACCEPT_ALL);
        this.client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /**
     * The same browser, with the same cookies, talking to another node of the platform (on {@code port}): as a load
     * balancer without sticky sessions sends a person's next request wherever it likes.
     */
    public TestBrowser onPort(int port) {
        return new TestBrowser(port, clientAddress, cookies);
    }

    public Page get(String path) {
        return send(
                HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET());
    }

    public Page getJson(String path) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Accept", "application/json")
                .GET());
    }

    /** GET with extra headers, given as name, value, name, value… */
    public Page get(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).headers(headers).GET());
    }

    /** GET, then follow redirects within this site. */
    public Page follow(String path) {
        Page page = get(path);
        for (int i = 0; i < 5 && page.status() / 100 == 3; i++) {
            page = get(relative(page.location()));
        }
        return page;
    }

    /**
     * Follows the redirects a response asks for, wherever they lead (other sites included), as a browser does after
     * a GET or a form post; returns every page on the way, the last one not a redirect.
     */
    public List<Page> followRedirects(Page page) {
        List<Page> pages = new ArrayList<>(List.of(page));
        for (int i = 0; i < 15 && page.status() / 100 == 3 && page.location() != null; i++) {
            page = get(URI.create(page.uri()).resolve(page.location()).toString());
            pages.add(page);
        }
        if (page.status() / 100 == 3) {
            throw new IllegalStateException("too many redirects, the last to " + page.location());
        }
        return pages;
    }

    /** GET, then follow redirects anywhere; returns the page where they end. */
    public Page browse(String pathOrAddress) {
        List<Page> pages = followRedirects(get(pathOrAddress));
        return pages.get(pages.size() - 1);
    }

    public Page post(String path, Map<String, String> fields) {
        return postMulti(path, toMulti(fields));
    }

    /** Any HTTP method, with {@code fields} as a form body (sent whatever the method, as an attacker might). */
    public Page request(String method, String path, Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        HttpRequest.BodyPublisher publisher = method.equals("HEAD") || method.equals("GET")
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.toString());
        return send(HttpRequest.newBuilder(uri(path))
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, publisher));
    }

    /**
     * Posts the form {@code formSelector} of the page at {@code page} with the given fields changed (the others as the
     * page fills them, its CSRF token among them), as a browser would.
     */
    public Page submitForm(String page, String formSelector, Map<String, String> values) {
        Element form = get(page).html().selectFirst(formSelector);
        if (form == null) {
            throw new AssertionError(formSelector + " is not on " + page);
        }
        Map<String, List<String>> fields = formFields(form);
        values.forEach((name, value) -> fields.put(name, new ArrayList<>(List.of(value))));
        return postMulti(form.attr("action"), fields);
    }

    public Page postMulti(String path, Map<String, List<String>> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, values) -> values.forEach(value -> {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8));
        }));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** A file to upload in a multipart form. */
    public record FilePart(String fileName, String contentType, byte[] content) {}

    /** Posts a multipart form: text fields and files. */
    public Page postMultipart(String path, Map<String, List<String>> fields, Map<String, FilePart> files) {
        String boundary = "----zhengwu" + UUID.randomUUID();
        List<byte[]> parts = new ArrayList<>();
        fields.forEach((name, values) ->
                values.forEach(value -> parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                                + name + "\"\r\n\r\n" + (value == null ? "" : value) + "\r\n")
                        .getBytes(StandardCharsets.UTF_8))));
        files.forEach((name, file) -> {
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                            + file.fileName() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            parts.add(file.content());
            parts.add("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        parts.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArrays(parts)));
    }

    /** Every field of a form as the browser would post it: inputs, checked boxes, selected options, textareas. */
    public static Map<String, List<String>> formFields(Element form) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name], select[name], textarea[name]")) {
            String name = input.attr("name");
            String type = input.attr("type");
            if (input.tagName().equals("input") && type.equals("file")) {
                continue;
            }
            if ((type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("checked")) {
                continue;
            }
            if (input.tagName().equals("select")) {
                Element selected = input.selectFirst("option[selected]");
                if (selected == null) {
                    selected = input.selectFirst("option");
                }
                fields.computeIfAbsent(name, n -> new ArrayList<>())
                        .add(selected == null ? "" : selected.attr("value"));
            } else if (input.tagName().equals("textarea")) {
                fields.computeIfAbsent(name, n -> new ArrayList<>()).add(input.wholeText());
            } else {
                fields.computeIfAbsent(name, n -> new ArrayList<>()).add(input.attr("value"));
            }
        }
        return fields;
    }

    /** Signs in through the login form. */
    public Page signIn(String username, String password) {
        Page login = get("/login");
        String csrf = login.html().selectFirst("input[name=_csrf]").attr("value");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", username);
        fields.put("password", password);
        fields.put("_csrf", csrf);
        return post("/login", fields);
    }

    /**
     * Signs a member of staff in all the way: password, then the authenticator code — enrolling an authenticator
     * the first time, as the person would with their phone. Returns the page the sign-in ends on.
     */
    public Page signInStaff(String username, String password) {
        Page afterPassword = signIn(username, password);
        String next = afterPassword.location();
        if (next == null || !(next.endsWith("/account/mfa/setup") || next.endsWith("/login/mfa"))) {
            throw new IllegalStateException(
                    "password sign-in of " + username + " ended at " + afterPassword.status() + " " + next);
        }
        return next.endsWith("/account/mfa/setup") ? enrolAuthenticator(username) : enterSecondFactor(username);
    }

    /**
     * The second sign-in step of staff without an authenticator: enrol one, as the person would with their phone,
     * and confirm having seen the recovery codes. Returns the page the sign-in ends on.
     */
    public Page enrolAuthenticator(String username) {
        Page setup = get("/account/mfa/setup");
        byte[] secret = Totp.fromBase32(
                setup.html().selectFirst("[data-testid=totp-secret]").text());
        Page confirmed = post(
                "/account/mfa/setup",
                Map.of("code", Authenticators.enrol(base + "|" + username, secret), "_csrf", csrf(setup)));
        Page recovery = get(relative(confirmed.location()));
        return post("/account/mfa/setup/done", Map.of("_csrf", csrf(recovery)));
    }

    /** The next code of the authenticator a member of staff enrolled through this browser, for a sign-in elsewhere. */
    public String nextAuthenticatorCode(String username) {
        return Authenticators.nextCode(base + "|" + username);
    }

    /** The second sign-in step of enrolled staff who have given their password: the authenticator's next code. */
    public Page enterSecondFactor(String username) {
        Page mfa = get("/login/mfa");
        return post("/login/mfa", Map.of("code", Authenticators.nextCode(base + "|" + username), "_csrf", csrf(mfa)));
    }

    /**
     * The second sign-in step of staff without a second factor, choosing a security key as the page's script would:
     * registers {@code key} under {@code name}, confirms having seen the recovery codes, then signs in with the key.
     * Returns the page the sign-in ends on.
     */
    public Page enrolSecurityKey(SoftwareAuthenticator key, String name) {
        Page registered = registerSecurityKey("/account/mfa/setup", key, name);
        if (registered.location() == null || !relative(registered.location()).equals("/account/mfa/setup")) {
            throw new IllegalStateException(
                    "the key was not registered: " + registered.status() + " " + registered.location());
        }
        Page codes = get("/account/mfa/setup");
        post("/account/mfa/setup/done", Map.of("_csrf", csrf(codes)));
        return enterSecurityKey(key);
    }

    /** Registers {@code key} from {@code page}, whose form's CSRF token it uses, as the page's script would. */
    public Page registerSecurityKey(String page, SoftwareAuthenticator key, String name) {
        String token = csrf(get(page));
        String options = postForJson("/account/webauthn/register/options", token);
        return post(
                "/account/webauthn/register",
                Map.of("label", name, "credential", key.register(options, base), "_csrf", token));
    }

    /** The second sign-in step with a security key, as the code page's script would take it. */
    public Page enterSecurityKey(SoftwareAuthenticator key) {
        String token = csrf(get("/login/mfa"));
        String options = postForJson("/login/mfa/webauthn/options", token);
        return post("/login/mfa/webauthn", Map.of("credential", key.sign(options, base), "_csrf", token));
    }

    /** What a page's script fetches: a POST with the page's CSRF token, answered with JSON. */
    public String postForJson(String path, String csrf) {
        Page answer = request("POST", path, Map.of("_csrf", csrf));
        String type = answer.header("Content-Type");
        if (answer.status() != 200 || type == null || !type.startsWith("application/json")) {
            throw new IllegalStateException("POST " + path + " answered " + answer.status() + " " + type);
        }
        return answer.body();
    }

    /**
     * Creates a member of staff of the platform (or of an organisation) with the given roles and signs them in
     * with a freshly enrolled authenticator. Returns the new username.
     */
    public String signInNewStaff(StaffAccounts accounts, String organisationUscc, String... roles) {
        String username = "staff-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(
                username, "测试人员" + username.substring(6), STAFF_PASSWORD, organisationUscc, List.of(roles), "test");
        Page done = signInStaff(username, STAFF_PASSWORD);
        if (done.status() != 302) {
            throw new IllegalStateException("sign-in of " + username + " ended at " + done.status());
        }
        return username;
    }

    /** A new platform administrator, signed in. */
    public String signInNewAdministrator(StaffAccounts accounts) {
        return signInNewStaff(accounts, null, IdentityAccess.ADMIN);
    }

    /** The CSRF token of the first form on a page. */
    public static String csrf(Page page) {
        Element token = page.html().selectFirst("input[name=_csrf]");
        if (token == null) {
            throw new IllegalStateException("no CSRF token on " + page.uri() + " (" + page.status() + ")");
        }
        return token.attr("value");
    }

    /** The platform's address, e.g. {@code http://localhost:54321}. */
    /** The value of a cookie this browser holds for the platform, or null: to hand a session to a real browser. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    public String base() {
        return base;
    }

    public String relative(String location) {
        return location.startsWith(base) ? location.substring(base.length()) : location;
    }

    private static Map<String, List<String>> toMulti(Map<String, String> fields) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        fields.forEach((k, v) -> multi.put(k, List.of(v == null ? "" : v)));
        return multi;
    }

    private URI uri(String pathOrAddress) {
        return URI.create(
                pathOrAddress.startsWith("http://") || pathOrAddress.startsWith("https://")
                        ? pathOrAddress
                        : base + pathOrAddress);
    }

    private Page send(HttpRequest.Builder request) {
        try {
            if (clientAddress != null) {
                request.header("X-Forwarded-For", clientAddress);
            }
            HttpResponse<String> response = client.send(
                    request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(
                    response.statusCode(),
                    response.body(),
                    response.headers().map(),
                    response.uri().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
