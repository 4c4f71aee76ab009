-- Scenario 2: quiz submissions. Each request is one learner's POST /learn/{module}/quiz with every
-- cookie that learner's browser held after opening the quiz (the learner cookie, and the session
-- or CSRF cookie if the app set one: learners.tsv column 2 is the whole Cookie header), the CSRF
-- token the app put in that learner's quiz form, a complete answer, and a submission id never used before (run number, thread, counter). A good
-- answer is a 200 showing the result; the form shown again (problems), a 403 (CSRF) or a 429 (a rate
-- limit) is an error. Each learner posts from its own address (learners.tsv column 6, X-Forwarded-For).
local common = dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local run = tonumber(os.getenv("BENCH_RUN") or "1")
local mine, cursor, counter = {}, 0, 0
good, bad, refused = 0, 0, 0

setup = common.setup

function init(args)
  mine = common.share(common.rows(os.getenv("BENCH_LEARNERS")), id, nthreads)
  if #mine == 0 then error("no learners in " .. tostring(os.getenv("BENCH_LEARNERS"))) end
end

function request()
  cursor = cursor % #mine + 1
  counter = counter + 1
  local learner = mine[cursor]
  local submission = string.format("%08x-%04x-4000-8000-%012x", run, id, counter)
  local body = "_csrf=" .. learner[3] .. "&submissionId=" .. submission .. "&" .. learner[5]
  return wrk.format("POST", "/learn/" .. learner[4] .. "/quiz", {
    ["Cookie"] = learner[2],
    ["X-Forwarded-For"] = learner[6],
    ["Content-Type"] = "application/x-www-form-urlencoded"
  }, body)
end

function response(status, headers, body)
  common.count(status, status == 200 and body:find("result-score", 1, true) ~= nil)
end

function done(summary, latency, requests)
  common.done(os.getenv("BENCH_NAME") or "quiz", summary, latency)
end
