-- Signed-in page loads for bench/cases.sh: each request takes a random line "cookie path" of the file given as the
-- script's argument (one clerk's session and a page within that clerk's reach), so the load spreads over the clerks
-- and, for case pages, over many cases. Prints p50, p95 and p99 (wrk's own --latency table has no p95) and counts
-- answers other than 200.
local lines = {}
local threads = {}
bad = 0

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    for line in io.lines(args[1]) do
        local cookie, path = line:match("^(%S+) (%S+)$")
        table.insert(lines, { cookie = cookie, path = path })
    end
    math.randomseed(os.time() + #threads)
end

function request()
    local pick = lines[math.random(#lines)]
    return wrk.format("GET", pick.path, { ["Cookie"] = pick.cookie, ["Accept"] = "text/html" })
end

function response(status, headers, body)
    if status ~= 200 then bad = bad + 1 end
end

function done(summary, latency, requests)
    local notOk = 0
    for _, thread in ipairs(threads) do notOk = notOk + thread:get("bad") end
    io.write(string.format("pages: %d in %.1f s = %.1f/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, not 200: %d\n",
        summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, notOk))
end
