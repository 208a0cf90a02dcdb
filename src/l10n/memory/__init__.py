"""Reuse: the translation memory, leverage analysis and alignment."""
