"""Briefings: a folder of scraped news articles → a searchable static site of briefings."""

__version__ = "0.1.0"
