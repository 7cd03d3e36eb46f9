#!/usr/bin/python3
"""Writes sklearn-tokens.jsonl: scikit-learn's tokens for real lines of text, the reference that
RegexTokenizerSklearnTest checks the regex tokenizer against token for token.

Run from the repository root with Debian's scikit-learn (apt-get install python3-sklearn):

    /usr/bin/python3 api/src/test/resources/io/tessera/internal/text/regex/make_sklearn_tokens.py ../shared/data

Each output line is a JSON object {"source", "pattern", "lowercase", "text", "tokens"}, where tokens is
CountVectorizer(token_pattern=pattern, lowercase=lowercase).build_analyzer()(text).
"""
import gzip
import json
import os
import re
import sys

import sklearn
from sklearn.feature_extraction.text import CountVectorizer

DEFAULT = r"(?u)\b\w\w+\b"
# Other token patterns people pass to scikit-learn, to check the translation of Python regex syntax.
OTHER_PATTERNS = [
    r"(?u)\b\w+\b",             # single-character tokens too (a run scan, like the default)
    r"\S+",                     # white-space split: Python's \s includes U+001C..U+001F
    r"[a-zA-Z]{2,}",            # ASCII letters only
    r"(?u)\b\w\w+\b|[!?]",      # words and two punctuation marks (the boundary as lookarounds)
    r"(?u)(\w+)'s\b",           # one capturing group: the group is the token
    r"(?P<word>\w+)n't",        # a named group and a negative clitic
    r"\d+(?:[.,]\d+)*",         # numbers: Python's \d is every Unicode decimal digit
    r"[^\W\d_]{3,}",            # letters only, by negating inside a class
    r"(?i)STATE|UNION",         # case-insensitive without lower-casing
]

# Edge cases for the differences between Python's and Java's regex and case mapping. Not corpus text: each line
# names what it checks.
EDGE_CASES = [
    "underscores: snake_case_name __init__ a_b _ __ x_",
    "precomposed accents: café naïve résumé Ångström",
    "decomposed accents: cafe\u0301 nai\u0308ve re\u0301sume\u0301",
    "numbers: x\u00b2 H\u2082O \u00bd \u216b \u2460 10\u00b3 3.14 1,000 2021-22 007 \u0663\u0664 \u096a\u096b",
    "apostrophes: don't can't it's O'Neill rock'n'roll \u2019curly\u2019 isn't America's",
    "Hangul: 한국어 텍스트 영화가 ㅋㅋㅋ ㅠㅠ 1점 10점 별로네요",
    "case mapping: \u0130stanbul \u03a3\u038a\u03a3\u03a5\u03a6\u039f\u03a3 \u039f\u0394\u039f\u03a3. STRASSE stra\u00dfe \u01c5ungla \u216b",
    "Devanagari vowel signs: \u0939\u093f\u0928\u094d\u0926\u0940 \u092d\u093e\u0937\u093e \u0915\u092e\u0932",
    "supplementary: emoji \U0001F600 test \U0001D400\U0001D401\U0001D402 \U0001D7CF\U0001D7D0",
    "joiners: ZWJ\u200djoin ZWNJ\u200cx soft\u00adhyphen tie\u203fbar",
    "symbols: \u24b6\u24d1 circled \u00a9 2024 \u2122 a\u20dd",
    "white space: tab\tsep\x0bvt\x1cfs\x1dgs\u00a0nbsp\u2003em\u2028ls end",
    "ligatures: \ufb01nance \ufb02ow \u0132sselmeer",
    "mixed: abc123def 123 4 a1 _1 1_ \u0665",
]


def read_tsv(path, count=None):
    """Rows of a shared/data TSV as dicts (fields never hold a TAB or a newline, so no quoting)."""
    with gzip.open(path, "rt", encoding="utf-8", newline="\n") as f:
        header = f.readline().rstrip("\n").split("\t")
        rows = []
        for line in f:
            if count is not None and len(rows) == count:
                break
            rows.append(dict(zip(header, line.rstrip("\n").split("\t"))))
        return rows


def sotu(data):
    """70 lines: the first sentences of every 24th address, two sentences a line."""
    out = []
    rows = read_tsv(os.path.join(data, "corpora/sotu.tsv.gz"))
    for row in rows[::24]:
        sentences = re.split(r"(?<=[.!?])\s+", row["text"])
        for i in range(0, 14, 2):
            out.append(("sotu " + row["year"], " ".join(sentences[i:i + 2])))
    control = [r for r in rows if "\x02" in r["text"]]
    for row in control:  # the one address with a stray U+0002: the sentence around it
        at = row["text"].index("\x02")
        out.append(("sotu " + row["year"] + " control character", row["text"][max(0, at - 200):at + 200]))
    return out


def column(path, name, count):
    return [row[name] for row in read_tsv(path, count)]


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
    lines = sotu(data)
    lines += [("imdb train " + str(i), t) for i, t in enumerate(column(os.path.join(data, "imdb/train.tsv.gz"), "text", 50))]
    lines += [("nsmc test " + str(i), t) for i, t in enumerate(column(os.path.join(data, "nsmc/ratings_test.tsv.gz"), "document", 60))]
    lines += [("edge case", t) for t in EDGE_CASES]

    out_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sklearn-tokens.jsonl")
    with open(out_path, "w", encoding="utf-8") as out:
        def write(source, pattern, lowercase, text):
            analyzer = CountVectorizer(token_pattern=pattern, lowercase=lowercase).build_analyzer()
            record = {"source": source, "pattern": pattern, "lowercase": lowercase, "text": text,
                      "tokens": analyzer(text)}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")

        for source, text in lines:
            write(source, DEFAULT, True, text)
        for source, text in lines[::10] + [l for l in lines if l[0] == "edge case"]:
            write(source, DEFAULT, False, text)
            for pattern in OTHER_PATTERNS:
                write(source, pattern, not pattern.startswith("(?i)"), text)
    print("scikit-learn", sklearn.__version__, "->", out_path, file=sys.stderr)


if __name__ == "__main__":
    main()
