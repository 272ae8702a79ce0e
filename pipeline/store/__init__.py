"""DuckDB storage: schema, short write transactions, bulk inserts."""

from pipeline.store.connection import StoreBusyError, StoreError, connect, transaction
from pipeline.store.documents import DocumentWrite, WriteSummary, document_hashes, write_documents
from pipeline.store.schema import ensure_schema

__all__ = [
    "DocumentWrite",
    "StoreBusyError",
    "StoreError",
    "WriteSummary",
    "connect",
    "document_hashes",
    "ensure_schema",
    "transaction",
    "write_documents",
]
