"""Coverage Lens: compare how news outlets cover the same event.

The public API, re-exported from the modules that implement it::

    import analysis as an
    corpus = an.load_event("data/events/ukraine-weapons-2024-05")
"""

from .claims import claim_summary, claims
from .classroom import contrast_pair, glossary, warmup_pair
from .display import about, count, listing, prose, table, texts
from .corpus import Article, Corpus, CorpusError, CorpusWarning, from_records, from_texts, load_event, split_article
from .coverage import coverage, coverage_matrix, only_here
from .discrepancies import discrepancies
from .features import features, features_from_records
from .findings import NOISE, compare, differs, leader
from .framing import (characterizations, first_hits, frame_in_context, frame_scores, frame_voices, frames,
                      lexicon_summary, load_lexicon, negated_hits, size_words, sizing_by_outlet, top_frames)
from .sources import from_jsonl, from_table
from .overview import edit_summary, first_sentences, overview
from .pages import article_link, article_links
from .attribution import attributions, quote_summary
from .naming import naming_by_outlet, naming_differences
from .quote_variants import quote_variants, quote_versions
from .quotes import quotes
from .readings import (claims_reading, discrepancies_reading, facts_reading, left_out_reading, pair_intro,
                       pair_reading, textstat_reading)
from .readability import (compare_readability, formula_agreement, longest_sentences, readability,
                          readability_pair, sentence_readability, textstat_cuts, textstat_differences,
                          textstat_stock)
from .text import ensure_cmudict, split_sentences, stopwords, words
from .wording import (closest_follower, distinctive_terms, follows, keyword_in_context, ledes, naming_variants,
                      nearest_neighbours, sentence_similarity, shared_passages, similarity, term_in_context)

__all__ = [
    "about",
    "Article",
    "attributions",
    "characterizations",
    "claim_summary",
    "claims",
    "claims_reading",
    "closest_follower",
    "compare",
    "compare_readability",
    "contrast_pair",
    "article_link",
    "article_links",
    "Corpus",
    "CorpusError",
    "CorpusWarning",
    "count",
    "coverage",
    "coverage_matrix",
    "differs",
    "discrepancies",
    "discrepancies_reading",
    "distinctive_terms",
    "edit_summary",
    "ensure_cmudict",
    "facts_reading",
    "features",
    "features_from_records",
    "first_hits",
    "first_sentences",
    "follows",
    "formula_agreement",
    "frame_in_context",
    "frame_scores",
    "frame_voices",
    "frames",
    "from_jsonl",
    "from_records",
    "from_table",
    "from_texts",
    "glossary",
    "keyword_in_context",
    "leader",
    "left_out_reading",
    "ledes",
    "lexicon_summary",
    "listing",
    "load_event",
    "load_lexicon",
    "longest_sentences",
    "naming_by_outlet",
    "naming_differences",
    "naming_variants",
    "nearest_neighbours",
    "negated_hits",
    "NOISE",
    "only_here",
    "overview",
    "pair_intro",
    "pair_reading",
    "prose",
    "quote_summary",
    "quote_variants",
    "quote_versions",
    "quotes",
    "readability",
    "readability_pair",
    "sentence_readability",
    "sentence_similarity",
    "shared_passages",
    "similarity",
    "size_words",
    "sizing_by_outlet",
    "split_article",
    "split_sentences",
    "stopwords",
    "table",
    "term_in_context",
    "texts",
    "textstat_cuts",
    "textstat_differences",
    "textstat_reading",
    "textstat_stock",
    "top_frames",
    "warmup_pair",
    "words",
]

__version__ = "0.1.0"
