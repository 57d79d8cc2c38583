-- Load generator for bench/run.ts:
--   wrk -t1 -c<clients> -d<seconds>s -s bench/load.lua <origin> -- <paths file> <clients>
--     [<method> <body file>]
-- Every connection sends its next request when the last is answered, to a random path of the
-- file, accepting gzip as a browser does. Prints {requests, failures, p50, p95, p99, corrected:
-- {p95, p99}} (ms) as JSON.
--
-- wrk corrects its latency histogram for coordinated omission before done() sees it: a request
-- that took L adds samples at L - i, L - 2i, ... (i: the run time over the requests per
-- connection), as if the connection had gone on sending every i meanwhile. That estimates
-- what clients arriving on their own schedule would see; the closed-loop figures (what these
-- clients saw) are recovered by undoing it, from the top bucket down. Both are printed.
local ffi = require('ffi')
local paths = {}
-- done() runs in wrk's main Lua state, init() and request() in each thread's: the thread
-- keeps the client count as a global for done() to read through it.
local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
end

local method, body = 'GET', nil
local headers = { ['Accept-Encoding'] = 'gzip, deflate, br' }

function init(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  clients = tonumber(args[2])
  -- Optional: a method and a file holding the JSON body every request sends.
  if args[3] then
    method = args[3]
    local file = assert(io.open(args[4], 'r'))
    body = file:read('*a')
    file:close()
    headers['Content-Type'] = 'application/json'
  end
end

-- Each connection's first request waits until HOLD_MS after the first connection: all 50 are
-- then connected to a server that was idle. Node accepts one connection per turn of its event
-- loop (libuv's choice since libuv#3696), so connections opened while the first ones keep it
-- busy waited up to 2 s for their first answer: the cost of opening a connection, not of a
-- request.
local HOLD_MS = 250
ffi.cdef([[
  typedef struct { long tv_sec; long tv_nsec; } wrk_timespec;
  int clock_gettime(int clock, wrk_timespec *time);
]])
local now = ffi.new('wrk_timespec')
local function nowMs()
  ffi.C.clock_gettime(1, now) -- CLOCK_MONOTONIC
  return tonumber(now.tv_sec) * 1000 + tonumber(now.tv_nsec) / 1e6
end
local holdUntil

function delay()
  local t = nowMs()
  holdUntil = holdUntil or t + HOLD_MS
  return t < holdUntil and math.ceil(holdUntil - t) or 0
end

function request()
  return wrk.format(method, paths[math.random(#paths)], headers, body)
end

-- wrk's histogram (stats.h: counts by microsecond). Lua sees it through an index that rescans
-- it per entry, too slow for a million buckets; LuaJIT's FFI reads it in place.
ffi.cdef('typedef struct { uint64_t count, limit, min, max; uint64_t data[1]; } wrk_stats;')
local function histogram(latency)
  local s = ffi.cast('wrk_stats**', ffi.cast('void*', latency))[0]
  -- From 0, not s.min: the correction adds below the least latency recorded, and leaves min.
  local counts, total = {}, 0
  for us = 0, tonumber(s.max) do
    local n = tonumber(s.data[us])
    counts[us] = n
    total = total + n
  end
  assert(total == tonumber(s.count), 'wrk_stats does not match this wrk build')
  return counts, tonumber(s.max)
end

-- Undoes wrk's stats_correct: bucket us > i received a copy of every bucket us + i, us + 2i, ...
-- so, walking each chain of buckets i apart from the top down, it held its count less the
-- counts already found above it.
local function uncorrected(latency, interval)
  local counts, max = histogram(latency)
  if interval > 0 then
    for top = max, math.max(max - interval + 1, 0), -1 do
      local above = 0
      for us = top, interval + 1, -interval do
        local own = counts[us] - above
        assert(own >= 0, 'wrk_stats was not corrected as stats_correct does')
        counts[us] = own
        above = above + own
      end
    end
  end
  return counts, max
end

local function percentiles(counts, max, ps)
  local total = 0
  for us = 0, max do total = total + counts[us] end
  local result, seen, us = {}, 0, 0
  for _, p in ipairs(ps) do
    local rank = math.ceil(p / 100 * total)
    while us < max and seen + counts[us] < rank do seen = seen + counts[us]; us = us + 1 end
    result[#result + 1] = us / 1000
  end
  return result
end

function done(summary, latency)
  local e = summary.errors
  local failures = e.status + e.connect + e.read + e.write + e.timeout
  local perClient = math.floor(summary.requests / threads[1]:get('clients'))
  local interval = perClient > 0 and math.floor(summary.duration / perClient) or 0
  local counts, max = uncorrected(latency, interval)
  local raw = percentiles(counts, max, { 50, 95, 99 })
  io.write(string.format(
    '{"requests":%d,"failures":%d,"p50":%.3f,"p95":%.3f,"p99":%.3f,"corrected":{"p95":%.3f,"p99":%.3f}}\n',
    summary.requests - e.status, failures, raw[1], raw[2], raw[3],
    latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
