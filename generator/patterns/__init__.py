"""Data only: the word lists and regular expressions the stages use, one module per stage.

Rules must be general (held-out sets are scored too): nothing here may name a site,
a person, or a sentence of the seeds or the dev sets.
"""
