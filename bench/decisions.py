"""Glossary verdicts judged in the words around each hit against the whole sentence
(issue 22, item 1), and with an empty and a filled verdict cache.

    python bench/decisions.py [--corpus bench/corpus/10000]

Every Korean sentence of tests/data and the bundled catalog (and the msgids of
``bench/generate.py``'s ``big`` and ``prose`` catalogs when ``--corpus`` exists), against
each glossary of tests/data, the union of them all, and the corpus's project, 500- and
2,000-term glossaries. For each: the unclear hits, how many ``matching.decide`` had to judge
in their whole sentence, whether its verdicts equal ``matching.sentence_verdicts``' on every
hit (they must), and the CPU seconds of each. Then ``Glossary.find_korean_many`` cold,
warm in the same process and warm in a new process (which must not import kiwipiepy).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.test_decisions import GLOSSARIES, _all_terms, _texts  # noqa: E402

WARM = """
import sys, time
sys.path[:0] = [{src!r}, {root!r}]
from pathlib import Path
from tests.test_decisions import _all_terms, _texts
texts = _texts()
start = time.process_time()
_all_terms().remember_decisions(Path({folder!r})).find_korean_many(texts)
print(f"{{time.process_time() - start:.2f}} {{'kiwipiepy' in sys.modules}}")
"""


def compare(name: str, glossary, texts: list[str]) -> bool:
    from l10n.glossary import matching

    pairs = [(text, hit) for text in texts for hit in glossary._candidates(text)
             if not matching.obvious(text, hit)]
    matching._unsure_of_ha.cache_clear()
    start = time.process_time()
    sentence = matching.sentence_verdicts(pairs)
    middle = time.process_time()
    matching._unsure_of_ha.cache_clear()
    words = matching.decide(pairs)
    end = time.process_time()
    contexts = [matching.window(text, hit, width) for text, hit in pairs
                for width in matching.CONTEXTS]
    votes = matching.sentence_verdicts(contexts)
    size = len(matching.CONTEXTS)
    unsure = sum(len(set(votes[i:i + size])) > 1 for i in range(0, len(votes), size))
    same = sentence == words
    differ = sum(a != b for a, b in zip(sentence, words, strict=True))
    print(f"{name:40} unclear {len(pairs):6}  differ {differ:3}"
          f"  sentence {middle - start:6.2f} s  words {end - middle:5.2f} s"
          f"  judged in the sentence {unsure}", flush=True)
    return same


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "bench" / "corpus" / "10000")
    args = parser.parse_args()
    import polib

    from l10n.glossary.terms import read_glossary

    texts = _texts()
    glossaries = {str(path.relative_to(ROOT)): read_glossary(path) for path in GLOSSARIES}
    glossaries["all of tests/data"] = _all_terms()
    if args.corpus.exists():
        for po in ("big/locales/en/LC_MESSAGES/essay-000.po",
                   "prose/locales/en/LC_MESSAGES/prose.po"):
            texts += [entry.msgid for entry in polib.pofile(str(args.corpus / po))
                      if entry.msgid]
        texts = list(dict.fromkeys(texts))
        for label in ("project", "500", "2000"):
            glossaries[f"corpus {label}"] = read_glossary(args.corpus / "glossaries" /
                                                          f"{label}.csv")
    print(f"{len(texts)} texts")
    same = [compare(name, glossary, texts) for name, glossary in glossaries.items()]
    print("verdicts identical on every glossary" if all(same) else "VERDICTS DIFFER")
    texts = _texts()
    with tempfile.TemporaryDirectory() as folder:
        for label in ("empty cache", "same process, cache filled"):
            glossary = _all_terms().remember_decisions(Path(folder))
            start = time.process_time()
            glossary.find_korean_many(texts)
            print(f"{label}: {time.process_time() - start:.2f} s CPU "
                  f"({len(texts)} sentences, {len(glossary)} terms)")
        code = WARM.format(src=str(ROOT / "src"), root=str(ROOT), folder=folder)
        seconds, kiwi = subprocess.run([sys.executable, "-c", code], check=True,
                                       capture_output=True, text=True).stdout.split()
        print(f"new process, cache on disk: {seconds} s CPU, kiwipiepy imported: {kiwi}")
    if not all(same):
        sys.exit(1)


if __name__ == "__main__":
    main()
