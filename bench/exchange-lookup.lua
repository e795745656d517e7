-- wrk: one person a request, by 公民身份号码, drawn at random from IDS_FILE, with the bench system's bearer token.
local ids = {}
for line in io.lines(os.getenv("IDS_FILE")) do
    ids[#ids + 1] = line
end
local token = os.getenv("TOKEN")
local path = os.getenv("LOOKUP_PATH")
local headers = { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" }

function setup(thread)
    thread:set("seed", math.random(1, 1000000))
end

function init(args)
    math.randomseed(seed + os.time())
end

function request()
    return wrk.format("GET", path .. ids[math.random(#ids)], headers)
end
