-- Page loads spread over many distinct URLs: each request takes a random line of the file given as the script's
-- argument, so a cache of recent answers serves only what real repetition would give it. A line is a path with its
-- query string, already percent-encoded (an anonymous visitor's page), or "cookie path" (a signed-in user's: the
-- Cookie header and the page, as bench/CasesClerks.java writes them for the clerks' pages). Prints requests/s, p50,
-- p95 and p99 (wrk's own --latency table has no p95) and counts answers other than 200.
--
--   wrk -t2 -c64 -d20s -s bench/lib/random-paths.lua http://localhost:18080 -- paths.txt
local paths = {}
local threads = {}
bad = 0

function setup(thread)
    table.insert(threads, thread)
    thread:set("id", #threads)
end

function init(args)
    for line in io.lines(args[1]) do
        local cookie, path = line:match("^(%S+) (%S+)$")
        if cookie then
            table.insert(paths, { cookie = cookie, path = path })
        elseif line ~= "" then
            table.insert(paths, { path = line })
        end
    end
    -- Each thread its own sequence, or both would ask for the same paths in step.
    math.randomseed(os.time() * 100 + id)
end

function request()
    local pick = paths[math.random(#paths)]
    return wrk.format("GET", pick.path, { ["Cookie"] = pick.cookie, ["Accept"] = "text/html" })
end

function response(status, headers, body)
    if status ~= 200 then bad = bad + 1 end
end

function done(summary, latency, requests)
    local notOk = 0
    for _, thread in ipairs(threads) do notOk = notOk + thread:get("bad") end
    io.write(string.format("paths: %d in %.1f s = %.1f/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, not 200: %d\n",
        summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, notOk))
end
