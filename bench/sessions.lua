-- bench/sessions.sh: counts the answers that are neither the signed-in page (200) nor the keep-alive (204). A redirect
-- to /login would mean that the session was lost, and wrk alone counts a redirect as a success.
local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    wrong = 0
end

function response(status, headers, body)
    if status ~= 200 and status ~= 204 then
        wrong = wrong + 1
    end
end

function done(summary, latency, requests)
    local w = 0
    for _, thread in ipairs(threads) do
        w = w + thread:get("wrong")
    end
    io.write(string.format("wrong answers: %d of %d\n", w, summary.requests))
end
