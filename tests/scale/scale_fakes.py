"""A stand-in pipeline for the parallel runner's tests: cheap, deterministic, and able to fail on cue.

Worker processes import this module by name, so it lives at the top level of tests/scale.
"""

from __future__ import annotations

import os
import time
import zlib
from collections.abc import Iterable, Iterator

from claimgraph.errors import InputError
from claimgraph.model import Document, Record, stable_id
from claimgraph.sources import RawItem


class FakePipeline:
    """Upper-cases texts into records; `BAD` yields an InputError, `CRASH` raises, `EXIT` kills the process."""

    def run(self, items: Iterable[RawItem | InputError]) -> Iterator[Record | InputError]:
        """Yield one result per item, in input order."""
        for item in items:
            if isinstance(item, InputError):
                yield item
                continue
            text = item.text or ""
            if text == "CRASH":
                raise RuntimeError(f"fake pipeline crashed on {item.origin}")
            if text == "EXIT":
                os._exit(3)
            if text == "BAD":
                yield InputError(item.origin, "fake rejection")
                continue
            if text.startswith("BIG") and item.url:
                # Log when this worker held the article, to check oversized ones never overlap.
                start = time.monotonic()
                time.sleep(0.15)
                with open(item.url, "a", encoding="utf-8") as log:
                    log.write(f"{start} {time.monotonic()}\n")
            # Uneven work so chunks finish out of order and the reorder buffer is exercised.
            time.sleep((zlib.crc32(text.encode()) % 5) / 1000)
            yield Record(Document(id=stable_id(item.origin), text=text.upper(), site=str(os.getpid()),
                                  source_path=item.origin))


def fake_factory() -> FakePipeline:
    """Build a FakePipeline (module-level so it pickles by reference)."""
    return FakePipeline()


def broken_factory() -> FakePipeline:
    """Fail while building, like a missing model would."""
    raise OSError("fake model not installed")


def thread_env_factory() -> FakePipeline:
    """Fail unless the worker runs with single-threaded native libraries."""
    if os.environ.get("OMP_NUM_THREADS") != "1" or os.environ.get("OPENBLAS_NUM_THREADS") != "1":
        raise RuntimeError("thread limits not set in the worker")
    return FakePipeline()


class StatementPipeline:
    """Codes each text into a record with one statement per word pair and one attribution, so
    every store table gets rows; deterministic, with ids from the text like the real cleaner."""

    def run(self, items: Iterable[RawItem | InputError]) -> Iterator[Record | InputError]:
        """Yield one result per item, in input order."""
        from claimgraph.model import ActorRef, Attribution, Event, Relay, Statement

        for item in items:
            if isinstance(item, InputError):
                yield item
                continue
            text = item.text or ""
            if text == "CRASH":
                raise RuntimeError(f"fake pipeline crashed on {item.origin}")
            words = text.split()
            doc = Document(id=stable_id(text), text=text, title=item.title, url=item.url,
                           published=item.published, language="en", source_path=item.origin)
            record = Record(doc)
            for i in range(0, len(words) - 1, 2):
                record.statements.append(Statement(
                    id=stable_id(doc.id, i), sentence=i // 2, span=(0, len(text)), evidence=text,
                    event=Event(type="CONSULT", cameo="040", quad_class=1, intensity=1.0,
                                trigger=words[i]),
                    actor=[ActorRef(text=words[i], code="UKR", sector="GOV")],
                    recipient=[ActorRef(text=words[i + 1], code="RUS")],
                    via=[Relay(text="TASS", cue="cited")]))
            record.attributions.append(Attribution(source=(0, 1), cue=(1, 2), content=(2, len(text)),
                                                   source_text=text[:1], kind="direct"))
            yield record


def statement_factory() -> StatementPipeline:
    """Build a StatementPipeline."""
    return StatementPipeline()
