#!/usr/bin/env python3
"""Builds the scikit-learn reference fixtures of the vectorizer tests. Not run by the build.

Run from this directory with Debian's python3-sklearn 1.2.1 / numpy 1.24 / scipy 1.10 (/usr/bin/python3):

    /usr/bin/python3 make_fixtures.py /path/to/shared/data

Writes
  imdb-test-sample.tsv            the header and first 60 reviews of imdb/test.tsv.gz, verbatim
  sklearn-imdb-sample.safetensors.gz whole matrices and vocabularies of several vectorizer settings on that sample
  sklearn-imdb-fit-transform.safetensors.gz vectorizers fitted on ../imdb-train-sample.tsv, applied to
                                  imdb-test-sample.tsv (made from those committed samples, not from the data folder)
  sotu-tfidf-summary.json         a compact summary of TfidfVectorizer() on all State of the Union addresses
  numpy-argsort.tsv               numpy.argsort permutations of int64 arrays with many ties
"""
import gzip, hashlib, json, os, sys
import numpy as np
import scipy, sklearn
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

DATA = sys.argv[1]
IMDB_SAMPLE = 60

# Each setting is applied as keyword arguments of the named scikit-learn class; the Java test uses the same names.
SETTINGS = {
    "tfidf_default": ("TfidfVectorizer", {}),
    "tfidf_sublinear_l1_raw_idf": ("TfidfVectorizer", {"sublinear_tf": True, "norm": "l1", "smooth_idf": False}),
    "tfidf_binary_no_idf_no_norm_df": ("TfidfVectorizer", {"binary": True, "use_idf": False, "norm": None,
                                                            "min_df": 2, "max_df": 0.5}),
    "tfidf_max_features_fractions": ("TfidfVectorizer", {"max_features": 300, "min_df": 0.02, "max_df": 40}),
    "counts_max_features": ("CountVectorizer", {"max_features": 150}),
    "counts_binary_max_features": ("CountVectorizer", {"binary": True, "max_features": 100}),
}

# Fitted on one committed sample and applied to another (fit, then transform), as `tessera text counts|tfidf
# --vocabulary` does; the CLI test runs the same settings.
FIT_TRANSFORM_SETTINGS = {
    "tfidf_default": ("TfidfVectorizer", {}),
    "tfidf_sublinear_l1_raw_idf_min_df": ("TfidfVectorizer", {"sublinear_tf": True, "norm": "l1",
                                                                "smooth_idf": False, "min_df": 2}),
    "counts_max_df_max_features": ("CountVectorizer", {"max_df": 0.5, "max_features": 500}),
}


def tsv_lines(path):
    with gzip.open(path, "rt", encoding="utf-8", newline="\n") as f:
        return f.read().split("\n")


def column(lines, name):
    header = lines[0].split("\t")
    at = header.index(name)
    return [line.split("\t")[at] for line in lines[1:] if line]


def canonical(matrix):
    m = matrix.tocsr().astype(np.float64)
    m.sum_duplicates()
    m.sort_indices()
    return m


def put_strings(tensors, name, strings):
    encoded = [s.encode("utf-8") for s in strings]
    offsets = np.zeros(len(encoded) + 1, dtype="<i8")
    offsets[1:] = np.cumsum([len(e) for e in encoded])
    tensors[name] = np.frombuffer(b"".join(encoded), dtype="u1")
    tensors[name + ".offsets"] = offsets


def put_matrix(tensors, name, vectorizer, matrix):
    """Stores a fitted vectorizer's matrix (canonical CSR), vocabulary in column order and idf_ under name."""
    m = canonical(matrix)
    tensors[name + ".data"] = m.data.astype("<f8")
    tensors[name + ".indices"] = m.indices.astype("<i4")
    tensors[name + ".indptr"] = m.indptr.astype("<i4")
    put_strings(tensors, name + ".vocabulary", sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.get))
    if isinstance(vectorizer, TfidfVectorizer) and vectorizer.use_idf:
        tensors[name + ".idf"] = vectorizer.idf_.astype("<f8")
    return m


def write_safetensors(path, tensors, metadata):
    """Writes a gzip-compressed safetensors file (the test decompresses it before opening it)."""
    header = {"__metadata__": metadata}
    offset = 0
    blobs = []
    # 8-byte types first, then 4, then 1, so every tensor is aligned to its element size (like the reference writer)
    for name in sorted(tensors, key=lambda n: (-tensors[n].dtype.itemsize, n.encode("utf-8"))):
        data = np.ascontiguousarray(tensors[name]).tobytes()
        kind = {"<f8": "F64", "<i8": "I64", "<i4": "I32", "|u1": "U8"}[tensors[name].dtype.str]
        header[name] = {"dtype": kind, "shape": list(tensors[name].shape), "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
        blobs.append(data)
    text = json.dumps(header, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as f:
        f.write(len(text).to_bytes(8, "little"))
        f.write(text)
        for b in blobs:
            f.write(b)


def imdb_fixtures():
    lines = tsv_lines(os.path.join(DATA, "imdb", "test.tsv.gz"))
    with open("imdb-test-sample.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines[:IMDB_SAMPLE + 1]) + "\n")
    docs = column(lines[:IMDB_SAMPLE + 1], "text")
    tensors = {}
    for name, (kind, kwargs) in SETTINGS.items():
        vectorizer = (TfidfVectorizer if kind == "TfidfVectorizer" else CountVectorizer)(**kwargs)
        m = put_matrix(tensors, name, vectorizer, vectorizer.fit_transform(docs))
        print(name, m.shape, m.nnz)
    write_safetensors("sklearn-imdb-sample.safetensors.gz", tensors, {
        "settings": json.dumps({k: {"class": c, "kwargs": a} for k, (c, a) in SETTINGS.items()}, sort_keys=True),
        "source": "imdb/test.tsv.gz, first %d reviews" % IMDB_SAMPLE,
        "versions": "scikit-learn %s, numpy %s, scipy %s" % (sklearn.__version__, np.__version__, scipy.__version__),
    })


def fit_transform_fixture():
    def sample(path):
        with open(path, encoding="utf-8", newline="\n") as f:
            return column(f.read().split("\n"), "text")
    fit_docs = sample(os.path.join("..", "imdb-train-sample.tsv"))
    docs = sample("imdb-test-sample.tsv")
    tensors = {}
    for name, (kind, kwargs) in FIT_TRANSFORM_SETTINGS.items():
        vectorizer = (TfidfVectorizer if kind == "TfidfVectorizer" else CountVectorizer)(**kwargs)
        vectorizer.fit(fit_docs)
        m = put_matrix(tensors, name, vectorizer, vectorizer.transform(docs))
        print(name, "fitted on", len(fit_docs), "applied to", m.shape, m.nnz)
    write_safetensors("sklearn-imdb-fit-transform.safetensors.gz", tensors, {
        "settings": json.dumps({k: {"class": c, "kwargs": a} for k, (c, a) in FIT_TRANSFORM_SETTINGS.items()},
                               sort_keys=True),
        "source": "fitted on imdb-train-sample.tsv (%d reviews), applied to imdb-test-sample.tsv (%d reviews), column "
                  "text" % (len(fit_docs), len(docs)),
        "versions": "scikit-learn %s, numpy %s, scipy %s" % (sklearn.__version__, np.__version__, scipy.__version__),
    })


def sotu_fixture():
    docs = column(tsv_lines(os.path.join(DATA, "corpora", "sotu.tsv.gz")), "text")
    vectorizer = TfidfVectorizer()
    m = canonical(vectorizer.fit_transform(docs))
    vocabulary = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.get)
    rng = np.random.default_rng(20240501)
    positions = np.sort(rng.choice(m.nnz, size=400, replace=False))
    rows = np.searchsorted(m.indptr, positions, side="right") - 1
    summary = {
        "source": "corpora/sotu.tsv.gz, column text, one document per address (the text has no paragraph breaks)",
        "versions": "scikit-learn %s, numpy %s, scipy %s" % (sklearn.__version__, np.__version__, scipy.__version__),
        "settings": "TfidfVectorizer() defaults",
        "documents": m.shape[0],
        "terms": m.shape[1],
        "nnz": int(m.nnz),
        "vocabulary_sha256": hashlib.sha256("\n".join(vocabulary).encode("utf-8")).hexdigest(),
        "first_terms": vocabulary[:10],
        "last_terms": vocabulary[-10:],
        "idf_sum": float(vectorizer.idf_.sum()),
        "row_nnz": np.diff(m.indptr).tolist(),
        "row_sums": [float(x) for x in np.asarray(m.sum(axis=1)).ravel()],
        "samples": [[int(r), int(m.indices[p]), vocabulary[m.indices[p]], float(m.data[p])]
                    for r, p in zip(rows, positions)],
    }
    with open("sotu-tfidf-summary.json", "w", encoding="utf-8") as f:
        json.dump(summary, f, ensure_ascii=False, indent=0)
        f.write("\n")
    print("sotu", m.shape, m.nnz)


def argsort_fixture():
    rng = np.random.default_rng(7)
    cases = []
    for n in (1, 2, 5, 16, 17, 18, 33, 100, 257, 1000):
        for distinct in (2, 5, 50):
            cases.append(rng.integers(-distinct, distinct, size=n).astype(np.int64))
    cases.append(np.full(1000, 7, dtype=np.int64))
    cases.append(rng.integers(0, 2, size=3000).astype(np.int64))
    cases.append(np.sort(rng.integers(0, 20, size=600)).astype(np.int64))
    cases.append(-np.sort(rng.integers(0, 20, size=600)).astype(np.int64))
    with open("numpy-argsort.tsv", "w") as f:
        f.write("# numpy %s argsort (kind quicksort) of int64 arrays: values<TAB>permutation\n" % np.__version__)
        for v in cases:
            f.write(",".join(map(str, v)) + "\t" + ",".join(map(str, np.argsort(v))) + "\n")


if __name__ == "__main__":
    imdb_fixtures()
    fit_transform_fixture()
    sotu_fixture()
    argsort_fixture()
