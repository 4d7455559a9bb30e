vcl 4.1;

# A shared cache that behaves like a standard CDN, for tests (see shared-cache.ts, which puts the backend
# declaration before this file). Varnish's built-in VCL does the rest and is what is being relied on:
# - it caches a GET/HEAD for the response's max-age (or s-maxage) and keeps one object per value of every
#   request header the response's `Vary` names (Accept-Encoding is folded to gzip or none, as CDNs do);
# - it stores nothing a response marks `private`, `no-cache` or `no-store`, nor one with Set-Cookie
#   (a hit-for-miss: later requests go to the origin);
# - it passes requests with Cookie or Authorization to the origin.
# Nothing here hashes on a geo header or on the client: the origin's headers alone must keep answers apart.

sub vcl_deliver {
  # How a response was served, for the tests' assertions (X-Varnish holds two ids on a hit as well).
  if (obj.hits > 0) {
    set resp.http.X-Cache = "hit";
  } else {
    set resp.http.X-Cache = "miss";
  }
}
