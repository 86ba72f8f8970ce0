"""Starts a local Ray node and Serve on 127.0.0.1, then deploys apps on request.

Protocol (one JSON object per line): prints {"listening": port} once Serve is up; for each
{"app": ..., ...params} read on stdin, replaces the running app and prints {"deployed": app}
or {"error": message}. Closing stdin or SIGTERM shuts Serve and Ray down.
Usage: python launcher.py PORT
"""

import json
import os
import signal
import sys

os.environ.setdefault("RAY_DISABLE_USAGE_STATS", "1")
# Ray starts its workers (replicas, proxy) at nice 15 so the raylet wins contention. Everything
# else in the benchmark (wrk, Troupe, the baselines) runs at nice 0; on a shared 2-core machine
# that default alone would cost Ray most of its throughput, so level the field.
os.environ.setdefault("RAY_worker_niceness", "0")
# On Linux Ray maps a loopback node address to the machine's outward interface address; this
# switch (meant for single-machine macOS/Windows use) keeps every Ray address on 127.0.0.1.
os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")

import ray  # noqa: E402
from ray import serve  # noqa: E402

from apps import build  # noqa: E402


def reply(value: dict) -> None:
    print(json.dumps(value), flush=True)


def main() -> None:
    port = int(sys.argv[1])
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    ray.init(
        num_cpus=2,
        include_dashboard=False,
        _node_ip_address="127.0.0.1",
        log_to_driver=False,
        configure_logging=False,
    )
    try:
        serve.start(proxy_location="HeadOnly", http_options={"host": "127.0.0.1", "port": port})
        reply({"listening": port, "ray": ray.__version__})
        current = None
        for line in sys.stdin:
            command = json.loads(line)
            try:
                if current is not None:
                    serve.delete(current)
                app, route_prefix = build(command["app"], command)
                # No per-request access log: Troupe writes none either, and it costs Ray ~a core.
                serve.run(
                    app,
                    name=command["app"],
                    route_prefix=route_prefix,
                    logging_config={"enable_access_log": False, "log_level": "WARNING"},
                )
                current = command["app"]
                reply({"deployed": command["app"]})
            except Exception as error:  # report, keep serving the next command
                reply({"error": f"{type(error).__name__}: {error}"})
    finally:
        try:
            serve.shutdown()
        finally:
            ray.shutdown()


if __name__ == "__main__":
    main()
