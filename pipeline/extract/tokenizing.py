"""spaCy's tokenizer with its chunk cache kept full: the same tokens, several times faster.

spaCy tokenizes a text one whitespace-delimited chunk at a time and caches each chunk's
tokens, but it stops saving chunks for the rest of a text as soon as one chunk of it hits a
special case ("Mr.", "don't", "a.m."): almost every press release has one in its first
lines, so nearly every later chunk is split by its prefix, suffix and infix rules again, in
every document. Tokenizing each chunk not seen before on its own first saves it (unless it
is a special case itself, which is never saved anyway), so the whole text then reads from
the cache. The tokens are those the tokenizer gives: a chunk's tokens depend only on the
chunk, and the special cases that span tokens are applied to the whole text as before.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

# Distinct chunks kept: spaCy's own default is 10,000, which one day's releases overflow.
# A chunk costs some tens of bytes in the cache and in the set of chunks seen.
CACHED_CHUNKS = 250_000


@dataclass
class ChunkCachingTokenizer:
    """A drop-in `nlp.tokenizer`: every call gives what `tokenizer(text)` gives."""

    tokenizer: Tokenizer
    limit: int = CACHED_CHUNKS
    seen: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.tokenizer.max_cache_size = max(self.tokenizer.max_cache_size, self.limit)

    def __call__(self, text: str) -> Doc:
        if len(self.seen) < self.limit:
            new = set(text.split()).difference(self.seen)
            for chunk in new:
                self.tokenizer(chunk)  # saves the chunk's tokens in the tokenizer's cache
            self.seen |= new
        return self.tokenizer(text)

    def __getattr__(self, name: str) -> object:
        """The tokenizer's own attributes (vocab, rules, explain, ...)."""
        if name in _FIELDS:  # one of its own, not set yet: while copying or unpickling
            raise AttributeError(name)
        return getattr(self.tokenizer, name)


_FIELDS = frozenset(f.name for f in fields(ChunkCachingTokenizer))
