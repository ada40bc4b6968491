"""The worker's HTTP endpoints: ``/metrics``, ``/health`` and ``/ready`` — and nothing else.

Faust's own web stack (with its table and router views) stays off; this small aiohttp server
is all a scraper or an orchestrator can reach. ``/ready`` answers from state kept up to date in
the background, so probes are cheap and never wait on the broker.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

from aiohttp import web
from aiokafka.client import AIOKafkaClient
from mode import Service
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest

log = logging.getLogger(__name__)


class BrokerProbe:
    """Asks the cluster for metadata every few seconds; remembers whether it answered."""

    def __init__(self, client_options: dict[str, object], interval_s: float = 2.0) -> None:
        self._options = client_options
        self._interval_s = interval_s
        self.reachable = False
        self._client: AIOKafkaClient | None = None

    async def run(self) -> None:
        while True:
            self.reachable = await self._check()
            await asyncio.sleep(self._interval_s)

    async def _check(self) -> bool:
        try:
            if self._client is None:
                self._client = AIOKafkaClient(**self._options, request_timeout_ms=5000)
                await asyncio.wait_for(self._client.bootstrap(), self._interval_s * 2)
            return bool(await asyncio.wait_for(self._client.fetch_all_metadata(), 2.0))
        except Exception:
            await self.close()
            return False

    async def close(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            with contextlib.suppress(Exception):
                await client.close()


class HttpEndpoints(Service):
    """A mode service serving the three endpoints on ``host:port``."""

    def __init__(
        self,
        host: str,
        port: int,
        registry: CollectorRegistry,
        readiness: Callable[[], Awaitable[tuple[bool, dict[str, object]]]],
    ) -> None:
        super().__init__()
        self._host, self._port = host, port
        self._registry = registry
        self._readiness = readiness
        self._runner: web.AppRunner | None = None

    async def on_start(self) -> None:
        app = web.Application()
        app.router.add_get("/metrics", self._metrics)
        app.router.add_get("/health", self._health)
        app.router.add_get("/ready", self._ready)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, self._host, self._port).start()
        log.info("http endpoints listening", extra={"host": self._host, "port": self._port})

    async def on_stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _metrics(self, request: web.Request) -> web.Response:
        body = generate_latest(self._registry)
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})

    async def _health(self, request: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    async def _ready(self, request: web.Request) -> web.Response:
        ready, detail = await self._readiness()
        return web.json_response(
            {"status": "ready" if ready else "not ready", **detail}, status=200 if ready else 503
        )
