vcl 4.1;
# Varnish in front of one or more Warta nodes (docs/operations.md).
#
# What it does:
# - caches what Warta marks cacheable: TTL from `Cache-Control: s-maxage` (Varnish's default
#   parsing), never anything `private`/`no-store` or carrying Set-Cookie;
# - purges by surrogate key: Warta sends `PURGE /` with `Surrogate-Key: k1 k2 …`
#   (WARTA_PURGE_URL=http://varnish:6081/, WARTA_PURGE_METHOD=PURGE) and xkey drops every object
#   tagged with any of those keys;
# - composes edge-side includes: article pages include TERBARU as `<esi:include>` (docs/performance.md,
#   "A cache that survives a news day"), so a publish refreshes one small fragment, not every page;
# - serves stale content for up to 6 hours while every node is down (grace) and 10 s of staleness
#   while it refetches in the background when nodes are healthy;
# - passes staff traffic untouched: a newsroom session cookie, an Authorization header, /admin,
#   and every API write.
#
# Start: varnishd -a :6081 -f /etc/varnish/warta.vcl -p vcl_path=/etc/varnish -s malloc,1G
# (backends.vcl beside this file lists the nodes).

import std;
import directors;
import xkey;

include "backends.vcl";

# Who may purge: the Warta nodes. Add their addresses when they run on other hosts.
acl warta_purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_init {
    call warta_backends_init;
}

sub vcl_recv {
    set req.backend_hint = warta_nodes.backend();

    if (req.method == "PURGE") {
        if (client.ip !~ warta_purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.Surrogate-Key) {
            return (synth(400, "Surrogate-Key header required"));
        }
        set req.http.X-Purged = xkey.purge(req.http.Surrogate-Key);
        return (synth(200, "Purged " + req.http.X-Purged));
    }
    if (req.method == "BAN") {
        # Warta's purge hook can also send BAN (WARTA_PURGE_METHOD=BAN): the same keys, as a ban.
        if (client.ip !~ warta_purgers) {
            return (synth(403, "Forbidden"));
        }
        ban("obj.http.xkey ~ (^|\s)(" + regsuball(req.http.Surrogate-Key, "\s+", "|") + ")(\s|$)");
        return (synth(200, "Banned"));
    }

    # /metrics is for the monitoring system on the node's own network, never for the public: Warta
    # answers it to loopback peers without X-Forwarded-For or to WARTA_METRICS_TOKEN; the edge
    # refuses it outright so a public request never reaches a node from Varnish's loopback address.
    if (req.url ~ "^/metrics") {
        return (synth(404, "Not Found"));
    }

    # Staff traffic is never cached: the newsroom, the API's writes, and anyone logged in or
    # presenting a token.
    if (req.url ~ "^/admin" || (req.url ~ "^/api/" && req.method != "GET" && req.method != "HEAD")) {
        return (pass);
    }
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)warta_session=") {
        return (pass);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Readers' other cookies (analytics, consent) do not change Warta's public pages.
    unset req.http.Cookie;

    # Internal headers are Varnish's to set, never a client's.
    unset req.http.X-Warta-Cache-Bypass;
    # Tell Warta it may answer with edge-side includes; Varnish composes them.
    set req.http.Surrogate-Capability = "varnish=ESI/1.0";

    # Fresh objects while a node answers; up to the object's full grace (6 h) when none does.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }
    return (hash);
}

sub vcl_backend_response {
    # xkey reads the keys from this header (space separated, like Surrogate-Key).
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    if (beresp.http.Surrogate-Control ~ "ESI/1.0") {
        unset beresp.http.Surrogate-Control;
        set beresp.do_esi = true;
    }
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control ~ "(private|no-store|no-cache)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Errors are not kept: a node's 5xx must not replace a good page held in grace.
    if (beresp.status >= 500) {
        if (bereq.is_bgfetch) {
            return (abandon);
        }
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
    # Keep every cacheable object long after its TTL, to serve while the nodes are down.
    set beresp.grace = 6h;
    return (deliver);
}

sub vcl_backend_error {
    # A node that has just died (connection refused or reset) is still in the director until its
    # probe fails; a read is tried again on the next node, so readers never see that window.
    # Writes are not retried: a reset may come after the node acted on them.
    if (bereq.method ~ "^(GET|HEAD)$" && bereq.retries < 2) {
        return (retry);
    }
    # No node answered and nothing was in grace: a short Indonesian page instead of Varnish's.
    set beresp.http.Content-Type = "text/html; charset=utf-8";
    set beresp.http.Retry-After = "5";
    synthetic({"<!doctype html><html lang="id"><meta charset="utf-8"><title>Sedang gangguan</title><h1>Situs sedang tidak dapat dijangkau</h1><p>Silakan coba lagi dalam beberapa detik.</p></html>"});
    return (deliver);
}

sub vcl_deliver {
    # The keys are for caches, not readers.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
