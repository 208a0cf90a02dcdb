"""l10n: a Korean→English translation and localization pipeline."""

__version__ = "0.1.0"
