"""Limits on what one input may cost, in one place (the README's "Limits" lists them).

Each limit turns an input that would take minutes, gigabytes or the whole run into either
one `error:` line naming that input or, where the content is still usable, a cheaper way of
reading it. The defaults are far above anything a real press release needs: the longest
document in the corpus and the real-text set is under 5,000 characters, its longest
sentence under 500.
"""

from __future__ import annotations

# A local file larger than this is refused before it is read. Web pages have the same cap,
# applied while downloading (FetchConfig.max_body_bytes).
MAX_DOCUMENT_BYTES = 5 * 1024 * 1024

# PDF files carry fonts and images beside their text: inspection reports run to several
# megabytes, so a local PDF may be larger (the same as sources.yaml's web download cap).
MAX_PDF_BYTES = 20 * 1024 * 1024

# YAML front matter longer than this is refused before it is parsed; aliases (&a / *a) are
# refused whatever the size, since nine levels of nine aliases expand to gigabytes.
MAX_FRONT_MATTER_BYTES = 64 * 1024

# Extraction reads a text in sections of at most this many characters (about 8,000 words,
# longer than any press release), cut between paragraphs (or sentences, for a longer
# paragraph), with every offset kept exact. spaCy refuses texts over 1,000,000 characters
# (E088), and some extraction steps compare each mention with every other in a section
# (100,000 characters of "Kent Police entered Engage." took 8 s), so a bounded section
# keeps the cost linear in the length of the text.
SECTION_CHARS = 50_000

# A run of text longer than this with no sentence-final punctuation and no line break is no
# sentence anyone wrote: it is cut at a space (hard, if it has none) into sections of its
# own, so that per-sentence work cannot grow with the square of its length.
MAX_SENTENCE_CHARS = 2_000

# Items (feed entries, listing links, search results) that `ingest --source URL` reads from
# a feed, listing or search it has not been told about; a sources file sets `max_items`
# per source to read more.
AD_HOC_MAX_ITEMS = 200
