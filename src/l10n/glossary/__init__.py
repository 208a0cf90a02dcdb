"""The glossary file, Korean term matching, English verdicts, terminology tools."""
