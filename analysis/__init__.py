"""Coverage Lens: compare how news outlets cover the same event.

The public API, re-exported from the modules that implement it::

    import analysis as an
    corpus = an.load_event("data/events/ukraine-weapons-2024-05")
"""

from .claims import claims
from .classroom import contrast_pair, glossary
from .display import count, listing, prose, table
from .corpus import Article, Corpus, CorpusError, CorpusWarning, from_records, from_texts, load_event, split_article
from .coverage import coverage, coverage_matrix, only_here
from .discrepancies import discrepancies
from .features import features, features_from_records
from .findings import NOISE, compare, differs, leader
from .framing import characterizations, frame_scores, frames, load_lexicon, size_words
from .sources import from_jsonl, from_table
from .overview import edit_summary, first_sentences, overview
from .attribution import attributions, quote_summary
from .quote_variants import quote_variants
from .quotes import quotes
from .readability import readability, sentence_readability, textstat_stock
from .text import ensure_cmudict, split_sentences, stopwords, words
from .wording import (distinctive_terms, follows, keyword_in_context, ledes, naming_variants, shared_passages,
                      similarity)

__all__ = [
    "NOISE",
    "compare",
    "differs",
    "leader",
    "Article",
    "Corpus",
    "CorpusError",
    "CorpusWarning",
    "characterizations",
    "claims",
    "size_words",
    "contrast_pair",
    "count",
    "coverage",
    "coverage_matrix",
    "discrepancies",
    "distinctive_terms",
    "edit_summary",
    "features",
    "features_from_records",
    "ensure_cmudict",
    "first_sentences",
    "follows",
    "frame_scores",
    "frames",
    "from_jsonl",
    "from_records",
    "from_table",
    "from_texts",
    "glossary",
    "keyword_in_context",
    "ledes",
    "load_event",
    "listing",
    "load_lexicon",
    "naming_variants",
    "only_here",
    "overview",
    "prose",
    "attributions",
    "quote_summary",
    "quote_variants",
    "quotes",
    "readability",
    "sentence_readability",
    "shared_passages",
    "similarity",
    "split_article",
    "split_sentences",
    "stopwords",
    "table",
    "textstat_stock",
    "words",
]

__version__ = "0.1.0"
