#!/usr/bin/env python3
"""Compares a document-term matrix written by Tessera with scikit-learn's on the same corpus.

    /usr/bin/python3 compare_dtm.py MATRIX.safetensors OUT.json CORPUS.tsv[.gz]...

Loads the matrix with load_dtm.py (numpy + scipy, no Tessera code), rebuilds the vectorizer the file's metadata
describes (min_df, max_df, max_features, binary, and for TF-IDF use_idf, smooth_idf, sublinear_tf, norm) with
scikit-learn's default token pattern and lower-casing, fits it on the `text` column of the corpus files in order,
and writes what agrees to OUT.json: vocabulary, shape, structure, the largest difference of a value and of an idf,
and SHA-256 digests of Tessera's data/indices/indptr bytes, so that a test can check that the matrix it computes is
the one compared here.
"""
import gzip, hashlib, json, os, sys, time
import numpy as np, scipy, sklearn
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from load_dtm import load_dtm


def texts(paths):
    docs = []
    for path in paths:
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8", newline="\n") as f:
            lines = f.read().split("\n")
        at = lines[0].split("\t").index("text")
        docs.extend(line.split("\t")[at] for line in lines[1:] if line)
    return docs


def number(text):
    return int(text) if text.isdigit() else float(text)


def sklearn_vectorizer(meta):
    kwargs = {"min_df": number(meta["min_df"]), "max_df": number(meta["max_df"]), "binary": meta["binary"] == "true",
              "max_features": None if meta["max_features"] == "None" else int(meta["max_features"])}
    if meta["vectorizer"] == "counts":
        return CountVectorizer(**kwargs)
    return TfidfVectorizer(use_idf=meta["use_idf"] == "true", smooth_idf=meta["smooth_idf"] == "true",
                           sublinear_tf=meta["sublinear_tf"] == "true",
                           norm=None if meta["norm"] == "none" else meta["norm"], **kwargs)


def main(matrix_path, out_path, corpus_paths):
    ours, vocabulary, meta = load_dtm(matrix_path)
    vectorizer = sklearn_vectorizer(meta)
    start = time.perf_counter()
    theirs = vectorizer.fit_transform(texts(corpus_paths)).tocsr().astype(np.float64)
    seconds = time.perf_counter() - start
    theirs.sort_indices()
    their_vocabulary = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.get)
    same_structure = (ours.shape == theirs.shape and np.array_equal(ours.indptr, theirs.indptr)
                      and np.array_equal(ours.indices, theirs.indices))
    report = {
        "matrix": os.path.basename(matrix_path),
        "corpus": [os.path.basename(p) for p in corpus_paths],
        "versions": "scikit-learn %s, numpy %s, scipy %s" % (sklearn.__version__, np.__version__, scipy.__version__),
        "sklearn": repr(vectorizer),
        "shape": list(ours.shape),
        "nnz": int(ours.nnz),
        "same_vocabulary": vocabulary == their_vocabulary,
        "same_structure": bool(same_structure),
        "max_abs_difference": float(np.max(np.abs(ours.data - theirs.data))) if same_structure else None,
        "max_idf_difference": None,
        "sklearn_fit_transform_seconds": round(seconds, 3),
        "sha256": {name: hashlib.sha256(np.ascontiguousarray(getattr(ours, name)).tobytes()).hexdigest()
                   for name in ("data", "indices", "indptr")},
    }
    if meta["vectorizer"] == "tfidf" and meta["use_idf"] == "true":
        raw = open(matrix_path, "rb").read()
        n = int.from_bytes(raw[:8], "little")
        entry = json.loads(raw[8:8 + n])["idf"]
        a, b = entry["data_offsets"]
        idf = np.frombuffer(raw[8 + n + a:8 + n + b], dtype="<f8")
        report["max_idf_difference"] = float(np.max(np.abs(idf - vectorizer.idf_)))
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(report, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(json.dumps({k: report[k] for k in ("shape", "nnz", "same_vocabulary", "same_structure",
                                              "max_abs_difference", "max_idf_difference")}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
