-- GET one page, with a different learner's cookie on each request when learners were seeded
-- (scenario 1, the lesson step, and its nginx and Tomcat ceilings, which get the same requests so
-- that the client, on the same cores, costs the same for each), or without cookies (the stand-in pages).
-- BENCH_PATH: the path, "{module}" replaced by the learner's module (a ceiling's path has none);
-- BENCH_LEARNERS: learners.tsv.
-- Each learner's request comes from that learner's own address (learners.tsv column 6, sent as
-- X-Forwarded-For as the operator's reverse proxy would), so the rate limits see pupils apart.
local common = dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local path_template = os.getenv("BENCH_PATH") or "/"
local mine, cursor = {}, 0
good, bad, refused = 0, 0, 0

setup = common.setup

function init(args)
  local rows = {}
  if os.getenv("BENCH_COOKIES") == "1" then rows = common.rows(os.getenv("BENCH_LEARNERS")) end
  mine = common.share(rows, id, nthreads)
  if #mine == 0 then wrk.path = path_template end
end

function request()
  if #mine == 0 then return wrk.format("GET", path_template) end
  cursor = cursor % #mine + 1
  local learner = mine[cursor]
  local path = path_template:gsub("{module}", learner[4])
  -- the whole Cookie header the learner's browser holds (learner and CSRF cookies), as a browser sends it
  return wrk.format("GET", path, { ["Cookie"] = learner[2], ["X-Forwarded-For"] = learner[6] })
end

function response(status, headers, body)
  common.count(status, status == 200)
end

function done(summary, latency, requests)
  common.done(os.getenv("BENCH_NAME") or "page", summary, latency)
end
