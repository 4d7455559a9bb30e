vcl 4.1;

# A shared cache that serves stale on error as CDNs do with `stale-if-error` (RFC 5861), for the outage
# test (see shared-cache.ts, which puts the backend declaration before this file). Two settings differ
# from shared-cache.vcl, each to make one thing observable in a test that cannot wait:
# - an edge TTL of 1 s whatever the max-age (an operator's override, as CDNs allow), so an object expires
#   within the test;
# - grace (how long Varnish serves an expired object, fetching it again in the background) comes from
#   the response's stale-if-error only, not Varnish's default (its stale-while-revalidate): an object
#   without stale-if-error is not served once expired, and a dead origin then gives a 503.

import std;

sub vcl_backend_response {
  set beresp.ttl = 1s;
  set beresp.grace = std.duration(
    regsub(beresp.http.Cache-Control, "^.*stale-if-error=([0-9]+).*$", "\1s"), 0s);
}

sub vcl_deliver {
  if (obj.hits > 0) {
    set resp.http.X-Cache = "hit";
  } else {
    set resp.http.X-Cache = "miss";
  }
}
