-- Load generator for bench/run.ts: wrk -t1 -c<clients> -d<seconds>s -s bench/load.lua <origin> -- <paths file>
-- Every connection sends its next request when the last is answered, to a random path of the
-- file, accepting gzip as a browser does; prints {requests, failures, p50, p95, p99} (ms) as JSON.
local paths = {}

function init(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
end

function request()
  return wrk.format('GET', paths[math.random(#paths)], { ['Accept-Encoding'] = 'gzip, deflate, br' })
end

function done(summary, latency)
  local e = summary.errors
  local failures = e.status + e.connect + e.read + e.write + e.timeout
  io.write(string.format('{"requests":%d,"failures":%d,"p50":%.3f,"p95":%.3f,"p99":%.3f}\n',
    summary.requests - e.status, failures,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
