-- Scenario 3: the teacher's class report. The signed-in admin (who owns every seeded class) opens
-- the report of a different class on each request. BENCH_PATH: the report path with "{id}" for
-- the class id (default /teacher/classes/{id}); BENCH_CLASSES: classes.tsv; BENCH_TEACHER_COOKIE.
local common = dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local path_template = os.getenv("BENCH_PATH") or "/teacher/classes/{id}"
local cookie = os.getenv("BENCH_TEACHER_COOKIE") or ""
local mine, cursor = {}, 0
good, bad = 0, 0

setup = common.setup

function init(args)
  local seeded = {}
  for _, row in ipairs(common.rows(os.getenv("BENCH_CLASSES"))) do
    if row[4] == "seed" then table.insert(seeded, row) end
  end
  mine = common.share(seeded, id, nthreads)
  if #mine == 0 then error("no seeded classes in " .. tostring(os.getenv("BENCH_CLASSES"))) end
end

function request()
  cursor = cursor % #mine + 1
  local path = path_template:gsub("{id}", mine[cursor][1])
  return wrk.format("GET", path, { ["Cookie"] = cookie })
end

function response(status, headers, body)
  if status == 200 then good = good + 1 else bad = bad + 1 end
end

function done(summary, latency, requests)
  common.done(os.getenv("BENCH_NAME") or "report", summary, latency)
end
