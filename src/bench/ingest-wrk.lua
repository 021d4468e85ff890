-- wrk script for the ingest benchmark: POSTs the body file (BODY_FILE) to the submissions API with a unique
-- Idempotency-Key per request, counts 201 answers per thread and prints p50/p95/p99 in done().
-- Usage: BODY_FILE=data.json API_KEY=... RUN_ID=... wrk -s ingest-wrk.lua URL
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  local f = assert(io.open(os.getenv("BODY_FILE"), "rb"))
  wrk.body = f:read("*a")
  f:close()
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("API_KEY")
  run = os.getenv("RUN_ID") or "run"
  created = 0
  other = 0
end

function request()
  counter = counter + 1
  wrk.headers["Idempotency-Key"] = run .. "-" .. id .. "-" .. counter
  return wrk.format()
end

function response(status, headers, body)
  if status == 201 then created = created + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local c, o = 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created")
    o = o + t:get("other")
  end
  local secs = summary.duration / 1e6
  io.write(string.format("created=%d other=%d errors=%d throughput=%.0f/s p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms\n",
    c, o, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout,
    c / secs, latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
