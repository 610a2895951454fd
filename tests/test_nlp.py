"""The loaded pipeline: the attribute ruler's and the lemmatizer's work done by tables, with their results exactly."""
from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from generator import nlp as nlp_module
from generator.config import DEFAULT_MODEL

# sentences that reach the ruler's exceptions: pronouns by dependency, "but" as an adverb,
# auxiliaries, "there is", two-token lemmas (gonna, gotta, let's, y'all), a regex form (nothin'),
# whitespace tokens, plain text whose tags alone decide, and inflected forms the lemmatizer's rules and
# index decide, known and unknown (its index searched as sets by the loaded pipeline, as lists by spaCy)
SENTENCES = (
    "I told him that it was over, but she said they would come back.",
    "They gave it to me and I gave it to you; it said nothing.",
    "There is a problem, and there are others that we did not see.",
    "We're gonna win, you gotta see it. Let's go, y'all.",
    "He ain't done nothin' about it, but then again nobody has.",
    "Did you have lunch? He has had enough, and he did it himself.",
    "Whether or not it rains,  the match  goes on\n\nand on.",
    "The minister, who had resigned in 2019, said the reforms were 'long overdue'.",
    "\n\n  Mr. Smith's company, which makes everything, was sold to those buyers.",
    "Happier geese were fleeing faster, the studies showed; the glorbs had flummoxed bigger wolves.",
)


@pytest.fixture(scope="module")
def full() -> Language:
    return spacy.load(DEFAULT_MODEL)


def test_loaded_pipeline_has_the_tables_instead_of_the_ruler_and_the_lemmatizer(nlp: Language) -> None:
    assert "attribute_ruler" not in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names
    assert isinstance(nlp.get_pipe("attribute_ruler_table"), nlp_module.AttributeTable)
    assert isinstance(nlp.get_pipe("lemmatizer_table"), nlp_module.LemmaTable)
    assert nlp.pipe_names.index("attribute_ruler_table") < nlp.pipe_names.index("lemmatizer_table")


@pytest.mark.parametrize("text", SENTENCES)
def test_lemma_table_gives_the_lemmatizer_s_lemmas(full: Language, text: str) -> None:
    """Twice over the same text: the second time every lemma comes from the table, none from the lemmatizer;
    the ruler's own lemmas ("gon" → "go" in "gonna") are kept as the lemmatizer keeps them."""
    table = nlp_module.LemmaTable(full, "table")
    table.lemmatizer = full.get_pipe("lemmatizer")
    parsed = full(text, disable=["lemmatizer", "ner"])
    expected = [t.lemma_ for t in full.get_pipe("lemmatizer")(parsed.copy())]
    assert [t.lemma_ for t in table(parsed.copy())] == expected
    assert [t.lemma_ for t in table(parsed.copy())] == expected and table.table


@pytest.mark.parametrize("text", SENTENCES)
def test_table_gives_the_ruler_s_attributes(full: Language, text: str) -> None:
    table = nlp_module.AttributeTable(full, "table")
    table.take(full.get_pipe("attribute_ruler"))
    parsed = full(text, disable=["attribute_ruler", "lemmatizer", "ner"])
    by_ruler, by_table = full.get_pipe("attribute_ruler")(parsed.copy()), table(parsed.copy())
    for a, b in zip(full.get_pipe("lemmatizer")(by_ruler), full.get_pipe("lemmatizer")(by_table), strict=True):
        assert (a.tag_, a.pos_, str(a.morph), a.lemma_, a.dep_) == (b.tag_, b.pos_, str(b.morph), b.lemma_, b.dep_)


def test_same_annotations_as_the_full_model(nlp: Language, full: Language) -> None:
    text = " ".join(SENTENCES)
    ours, theirs = nlp(text), full(text)
    assert [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_, t.is_sent_start) for t in ours] \
        == [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_, t.is_sent_start) for t in theirs]


def test_embeddings_in_chunks_give_the_full_model_s_vectors_and_annotations(nlp: Language, full: Language) -> None:
    """One batch of many documents, well over ``CHUNK_TOKENS`` tokens: every document's vectors, entities
    and parse are those of spaCy's own pipeline, which embeds the whole batch at once."""
    assert "chunked" in nlp.get_pipe("tok2vec").model.name and "chunked" in nlp.get_pipe("ner").model.get_ref(
        "tok2vec").layers[0].name
    texts = [" ".join(SENTENCES[i:] + SENTENCES[:i]) for i in range(len(SENTENCES))] * 3
    ours, theirs = list(nlp.pipe(texts, batch_size=len(texts))), list(full.pipe(texts, batch_size=len(texts)))
    assert sum(len(doc) for doc in ours) > 2 * nlp_module.CHUNK_TOKENS
    for a, b in zip(ours, theirs, strict=True):
        assert (a.tensor == b.tensor).all()
        assert [(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in a] \
            == [(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in b]
