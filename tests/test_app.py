"""The Faust app's hooks on its consumer (service/app.py), without a broker."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

from faust.transport.consumer import Consumer

from service.app import _commit_acked_on_stop


def test_a_stop_during_a_commit_in_flight_still_commits_every_acked_offset() -> None:
    """Faust's own commit() (run here on a stand-in consumer) waits for a commit in flight
    and then commits nothing; the stop hook commits once more, so what was acked while the
    periodic commit ran is committed before the worker exits."""

    async def scenario(hooked: bool) -> int:
        loop = asyncio.get_running_loop()
        state = {"acked": 20, "committed": 0}
        release = asyncio.Event()

        async def force_commit(topics: object = None, start_new_transaction: bool = True) -> bool:
            offset = state["acked"]
            if state["committed"] == 0:
                await release.wait()  # the periodic commit, slow on the broker
            state["committed"] = max(state["committed"], offset)
            return True

        consumer = SimpleNamespace(
            app=SimpleNamespace(client_only=False), loop=loop, _commit_fut=None
        )
        consumer.force_commit = force_commit
        consumer.commit = Consumer.commit.__get__(consumer)
        consumer.maybe_wait_for_commit_to_finish = Consumer.maybe_wait_for_commit_to_finish.__get__(
            consumer
        )

        async def faust_on_stop() -> None:  # what Consumer.on_stop does without wait_empty
            await consumer.commit()

        consumer.on_stop = faust_on_stop
        if hooked:
            _commit_acked_on_stop(consumer)
        periodic = asyncio.ensure_future(consumer.commit())
        await asyncio.sleep(0)
        state["acked"] = 40  # the next batch is acked while that commit is in flight
        stopping = asyncio.ensure_future(consumer.on_stop())
        await asyncio.sleep(0)
        release.set()
        await asyncio.gather(periodic, stopping)
        return state["committed"]

    assert asyncio.run(scenario(hooked=False)) == 20  # Faust alone: the last batch left out
    assert asyncio.run(scenario(hooked=True)) == 40
