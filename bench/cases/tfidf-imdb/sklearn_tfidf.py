#!/usr/bin/python3
"""The scikit-learn side of bench/cases/tfidf-imdb.toml: TfidfVectorizer() on the `text` column of the given TSV
files (gzipped or not), in order; writes the matrix with scipy.sparse.save_npz (uncompressed, as Tessera writes its
file uncompressed) and prints one JSON line with the shape, the time and the checksum (sum of all entries).

    sklearn_tfidf.py --threads N --out MATRIX.npz FILE...

scikit-learn's vectorizers have no thread setting and run on one thread whatever N is; N is accepted (and the
harness pins the BLAS/OpenMP variables to it) so that both sides of a variant are given the same count."""
import gzip, json, sys, time

start = time.perf_counter()
import scipy.sparse
from sklearn.feature_extraction.text import TfidfVectorizer

if len(sys.argv) < 6 or sys.argv[1] != "--threads" or sys.argv[3] != "--out":
    sys.exit("usage: sklearn_tfidf.py --threads N --out MATRIX.npz FILE...")
docs = []
for path in sys.argv[5:]:
    with (gzip.open if path.endswith(".gz") else open)(path, "rt", encoding="utf-8", newline="\n") as f:
        at = f.readline().rstrip("\n").split("\t").index("text")
        docs.extend(line.rstrip("\n").split("\t")[at] for line in f if line != "\n")
m = TfidfVectorizer().fit_transform(docs)
scipy.sparse.save_npz(sys.argv[4], m, compressed=False)
print(json.dumps({"threads": int(sys.argv[2]), "rows": m.shape[0], "cols": m.shape[1], "nnz": int(m.nnz),
                  "seconds": round(time.perf_counter() - start, 3), "checksum": round(float(m.sum()), 6)}))
