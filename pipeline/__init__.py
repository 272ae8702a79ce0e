"""Turns UK police-oversight press releases and news into a queryable DuckDB event table."""

__version__ = "0.1.0"
