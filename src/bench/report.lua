-- Scenario 3: the teacher's class report. Each request is one teacher opening one of their own
-- classes: report.tsv (from `Bench report-seed`) has per class its id, the owning teacher's cookies
-- and the teacher's address (X-Forwarded-For); each wrk thread takes its share of the classes,
-- round robin, so the 8 connections are the invited teachers, each with a session of their own.
-- BENCH_PATH: the report path with "{id}" for the class id (default /teacher/classes/{id});
-- BENCH_CLASSES: report.tsv.
local common = dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local path_template = os.getenv("BENCH_PATH") or "/teacher/classes/{id}"
local mine, cursor = {}, 0
good, bad, refused = 0, 0, 0

setup = common.setup

function init(args)
  mine = common.share(common.rows(os.getenv("BENCH_CLASSES")), id, nthreads)
  if #mine == 0 then error("no report classes in " .. tostring(os.getenv("BENCH_CLASSES"))) end
end

function request()
  cursor = cursor % #mine + 1
  local class = mine[cursor]
  local path = path_template:gsub("{id}", class[1])
  return wrk.format("GET", path, { ["Cookie"] = class[2], ["X-Forwarded-For"] = class[3] })
end

function response(status, headers, body)
  common.count(status, status == 200)
end

function done(summary, latency, requests)
  common.done(os.getenv("BENCH_NAME") or "report", summary, latency)
end
