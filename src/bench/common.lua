-- Shared by the wrk scripts: reading the seeded learners, counting answers the way the benchmark
-- wants them (a 302 to /explore is a failure for a learner page, though wrk calls it a success),
-- and one machine-readable summary line for run.sh.
local common = {}

-- Lines of a tab-separated file, split into columns; an empty list when the file is missing.
function common.rows(path)
  local rows = {}
  if path == nil or path == "" then return rows end
  local file = io.open(path, "r")
  if file == nil then return rows end
  for line in file:lines() do
    local columns = {}
    for column in (line .. "\t"):gmatch("([^\t]*)\t") do table.insert(columns, column) end
    if #columns > 0 and columns[1] ~= "" then table.insert(rows, columns) end
  end
  file:close()
  return rows
end

-- This thread's share of the rows (thread t of n takes rows t, t+n, t+2n, ...), so that no two
-- connections of the run send the same learner at the same time.
function common.share(rows, id, count)
  local mine = {}
  for i = id, #rows, count do table.insert(mine, rows[i]) end
  return mine
end

-- setup/done plumbing: every thread counts good and bad answers, and among the bad ones the answers
-- 429 (refused by a rate limit); done() prints one line:
-- BENCH <name> <requests/s> <p50 ms> <p95 ms> <p99 ms> <errors> <requests> <good answers> <refused>
local threads = {}
local next_id = 0

function common.setup(thread)
  next_id = next_id + 1
  thread:set("id", next_id)
  thread:set("nthreads", tonumber(os.getenv("BENCH_THREADS") or "2"))
  table.insert(threads, thread)
end

function common.done(name, summary, latency)
  local good, bad, refused = 0, 0, 0
  for _, thread in ipairs(threads) do
    good = good + (thread:get("good") or 0)
    bad = bad + (thread:get("bad") or 0)
    refused = refused + (thread:get("refused") or 0)
  end
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.timeout + bad
  local seconds = summary.duration / 1000000
  io.write(string.format("BENCH\t%s\t%.1f\t%.2f\t%.2f\t%.2f\t%d\t%d\t%d\t%d\n", name,
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, errors, summary.requests, good, refused))
end

-- Counts one answer: good when it is what the scenario wants, else bad (and refused when a limit
-- answered 429). Uses the calling script's globals good, bad and refused.
function common.count(status, ok)
  if ok then good = good + 1 else bad = bad + 1 end
  if status == 429 then refused = refused + 1 end
end

return common
