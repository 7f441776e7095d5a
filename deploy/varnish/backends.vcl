# Warta's nodes, for deploy/varnish/warta.vcl (which includes this file).
#
# One `backend` per Warta node and a director that spreads readers over the healthy ones. Edit the
# hosts and ports for your deployment; keep the probe: it is how Varnish stops sending readers to a
# node that is down (and serves from grace while none is up). `/healthz` answers 200 when the node
# runs. This file stays separate so the shipped warta.vcl never needs local edits.

probe warta_health {
    .url = "/healthz";
    .interval = 1s;
    .timeout = 2s;
    .window = 5;
    .threshold = 3;
    .initial = 3;
}

backend node_a {
    .host = "127.0.0.1";
    .port = "3000";
    .probe = warta_health;
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
}

sub warta_backends_init {
    new warta_nodes = directors.round_robin();
    warta_nodes.add_backend(node_a);
}
