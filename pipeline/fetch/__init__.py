"""Fetch layer: sources in, pages ready for the parser out (plus log rows and validators).

Call order for `ingest`: load_sources / source_for_url, load_fetch_config, load_validators
(pipeline.store.fetch_state), fetch_sources, then persist the report in one transaction.
"""

from pipeline.fetch.canonical import canonical_url
from pipeline.fetch.config import FetchConfig
from pipeline.fetch.crawl import fetch_sources
from pipeline.fetch.records import FetchedPage, FetchReport, Source
from pipeline.fetch.sources import SourcesError, load_fetch_config, load_sources, source_for_url

__all__ = [
    "FetchConfig",
    "FetchReport",
    "FetchedPage",
    "Source",
    "SourcesError",
    "canonical_url",
    "fetch_sources",
    "load_fetch_config",
    "load_sources",
    "source_for_url",
]
