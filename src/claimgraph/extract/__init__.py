"""Extractors: one module per thing found in a single article.

Each module holds pure functions over a parsed ``Doc`` that return :mod:`claimgraph.record`
data classes, and at its bottom a thin spaCy component (``@Language.factory``) that stores them
on a ``Doc`` extension (see :mod:`claimgraph.nlp.extensions`).
"""
