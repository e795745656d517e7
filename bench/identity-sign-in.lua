-- One password sign-in is two requests: GET /login (a new session and its CSRF token), then POST /login.
-- Each wrk thread drives one connection through that cycle and counts the sign-ins that succeed.
local state, cookie, csrf = "get", nil, nil
signedIn, refused = 0, 0
local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    username = args[1]
    password = args[2]
end

function request()
    if state == "get" then
        return wrk.format("GET", "/login", { ["Accept"] = "text/html" })
    end
    local body = "username=" .. username .. "&password=" .. password .. "&_csrf=" .. csrf
    return wrk.format("POST", "/login", {
        ["Content-Type"] = "application/x-www-form-urlencoded", ["Accept"] = "text/html", ["Cookie"] = cookie }, body)
end

function response(status, headers, body)
    if state == "get" then
        cookie = (headers["Set-Cookie"] or ""):match("(ZHENGWU_SESSION=[^;]+)")
        csrf = body:match('name="_csrf" value="([^"]+)"')
        if cookie and csrf then state = "post" end
        return
    end
    local location = headers["Location"] or ""
    if status == 302 and location:match("/account$") then signedIn = signedIn + 1 else refused = refused + 1 end
    state = "get"
end

function done(summary, latency, requests)
    local ok, bad = 0, 0
    for _, thread in ipairs(threads) do
        ok = ok + thread:get("signedIn")
        bad = bad + thread:get("refused")
    end
    io.write(string.format("sign-ins: %d in %.1f s = %.1f/s (refused: %d)\n", ok, summary.duration / 1e6,
        ok / (summary.duration / 1e6), bad))
end
