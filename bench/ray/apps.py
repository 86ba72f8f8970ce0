"""Ray Serve counterparts of bench/backends, written the way a Ray user would (async where it
helps Ray, FastAPI for typed routes) so the comparison is against Ray at its reasonable best."""

import asyncio
import time
from typing import List

from fastapi import FastAPI
from starlette.requests import Request
from starlette.responses import PlainTextResponse

from ray import serve

# Troupe's maxConcurrentQueries default. Ray's own default (5 ongoing requests per replica)
# would cap batches at 5 and queue in the proxy, which is not what these scenarios compare.
MAX_ONGOING = 100
# Zero CPUs per replica so 4 replicas fit on the 2-CPU Ray node, as 4 Troupe replicas fit
# on 2 cores; nothing is pinned on either side.
ACTOR_OPTIONS = {"num_cpus": 0}
CPU_WORK_S = 0.002
BATCH_CALL_S = 0.005


@serve.deployment(max_ongoing_requests=MAX_ONGOING, ray_actor_options=ACTOR_OPTIONS)
class Echo:
    async def __call__(self, request: Request) -> PlainTextResponse:
        body = await request.body()
        return PlainTextResponse(body.decode() if body else "hello world")


typed_api = FastAPI()


@serve.deployment(max_ongoing_requests=MAX_ONGOING, ray_actor_options=ACTOR_OPTIONS)
@serve.ingress(typed_api)
class TypedRoute:
    @typed_api.get("/api/{user_id}/{number}")
    async def get(self, user_id: int, number: float) -> dict:
        return {"user_id": user_id, "number": number}


@serve.deployment(max_ongoing_requests=MAX_ONGOING, ray_actor_options=ACTOR_OPTIONS)
class CpuBound:
    def __call__(self, request: Request) -> PlainTextResponse:
        # Spins on the clock like bench/backends/cpu-bound.mjs: same time per request.
        deadline = time.perf_counter() + CPU_WORK_S
        x = 0.0
        while time.perf_counter() < deadline:
            x = (x + (x + 1) ** 0.5) % 1e9
        return PlainTextResponse("done")


def batch_deployment(max_batch_size: int):
    @serve.deployment(max_ongoing_requests=MAX_ONGOING, ray_actor_options=ACTOR_OPTIONS)
    class BatchSleep:
        # batch_wait_timeout_s=0 matches Troupe's batchWaitTimeout default.
        @serve.batch(max_batch_size=max_batch_size, batch_wait_timeout_s=0)
        async def handle(self, requests: List[Request]) -> List[str]:
            await asyncio.sleep(BATCH_CALL_S)
            return ["hello world"] * len(requests)

        async def __call__(self, request: Request) -> PlainTextResponse:
            return PlainTextResponse(await self.handle(request))

    return BatchSleep


def build(app: str, params: dict):
    """(application, route_prefix) for one launcher command."""
    if app == "echo":
        return Echo.bind(), "/echo"
    if app == "typed":
        return TypedRoute.bind(), "/"
    if app == "cpu":
        return CpuBound.options(num_replicas=int(params["replicas"])).bind(), "/cpu"
    if app == "batch":
        return batch_deployment(int(params["maxBatchSize"])).bind(), "/batch"
    raise ValueError(f"unknown app {app!r}")
