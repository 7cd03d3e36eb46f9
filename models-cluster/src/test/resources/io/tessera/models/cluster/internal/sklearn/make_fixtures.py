#!/usr/bin/python3
"""Reference results for Tessera's K-Means, computed with scikit-learn.

Run with Debian's interpreter (scikit-learn 1.2 from `apt-get install python3-sklearn`):

    /usr/bin/python3 make_fixtures.py

It rewrites the *.json files next to this script. Not run by the build; the JSON files are committed.

Each Lloyd case starts from explicit initial centres (written to the fixture) with n_init=1, so the Java
run can start from the same centres and must reproduce centres, labels, inertia and iteration count.
The data are rounded to float32 first, because Tessera computes on float32 tables: both sides then see
identical inputs and differ only in arithmetic (Tessera: float32 storage, double sums; sklearn: float64).
"""
import json
import os
import sys

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score
from sklearn.preprocessing import StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
MODULE = os.path.abspath(os.path.join(HERE, *[".."] * 9))
IRIS = os.path.join(MODULE, "src/main/resources/io/tessera/models/cluster/internal/iris.csv")


def read_csv(path, label_column=None):
    with open(path, encoding="utf-8") as f:
        header = f.readline().strip().split(",")
        rows = [line.strip().split(",") for line in f if line.strip()]
    features = [c for c in header if c != label_column]
    idx = [header.index(c) for c in features]
    x = np.array([[float(r[i]) for i in idx] for r in rows], dtype=np.float32).astype(np.float64)
    labels = [r[header.index(label_column)] for r in rows] if label_column else []
    return features, x, labels


def lloyd_case(name, path, label_column, k, seed, scale=False, extra_init=None):
    features, x, labels = read_csv(path, label_column)
    case = {"name": name, "file": os.path.basename(path), "label_column": label_column, "k": k,
            "scale": "standard" if scale else "none", "tol": 1e-4, "max_iter": 300}
    if scale:
        scaler = StandardScaler().fit(x)
        # Tessera stores the scaled table as float32, so round the same way here.
        x = scaler.transform(x).astype(np.float32).astype(np.float64)
        case["scaler_mean"] = scaler.mean_.tolist()
        case["scaler_scale"] = scaler.scale_.tolist()
    rows = np.random.RandomState(seed).permutation(len(x))[:k]
    init = x[rows].copy()
    if extra_init is not None:
        # Replace the last centre by a point far from all data: its cluster is empty after the first
        # assignment, which exercises sklearn's relocation of empty clusters.
        init[-1] = extra_init
        rows = rows[:-1]
    case["init_rows"] = [int(r) for r in rows]
    case["init_centers"] = init.tolist()
    km = KMeans(n_clusters=k, init=init, n_init=1, max_iter=300, tol=1e-4, algorithm="lloyd").fit(x)
    case["centers"] = km.cluster_centers_.tolist()
    case["labels"] = km.labels_.tolist()
    case["inertia"] = float(km.inertia_)
    case["n_iter"] = int(km.n_iter_)
    if labels:
        case["ari"] = float(adjusted_rand_score(labels, km.labels_))
    return case


def plusplus_case():
    """Best-of-10 k-means++ on iris, k=3, for ten seeds: the inertia Tessera's seeding must reach."""
    _, x, _ = read_csv(IRIS, "species")
    inertias = [float(KMeans(n_clusters=3, init="k-means++", n_init=10, random_state=s).fit(x).inertia_)
                for s in range(10)]
    return {"name": "iris_k3_plusplus", "k": 3, "n_init": 10, "best_of_10_inertia_by_seed": inertias}


def main():
    sys.stderr.write(f"scikit-learn {sklearn.__version__}, numpy {np.__version__}\n")
    faithful = os.path.join(HERE, "faithful.csv")
    cancer = os.path.join(HERE, "breast-cancer.csv")
    cases = [
        lloyd_case("iris_k3", IRIS, "species", 3, seed=0),
        lloyd_case("iris_k5", IRIS, "species", 5, seed=1),
        lloyd_case("iris_k3_empty_cluster", IRIS, "species", 3, seed=4, extra_init=[20.0, 20.0, 20.0, 20.0]),
        lloyd_case("faithful_k2", faithful, None, 2, seed=2),
        lloyd_case("faithful_k4", faithful, None, 4, seed=5),
        lloyd_case("breast_cancer_k2_standard", cancer, "diagnosis", 2, seed=3, scale=True),
        lloyd_case("breast_cancer_k5_standard", cancer, "diagnosis", 5, seed=6, scale=True),
    ]
    cases.append(plusplus_case())
    for case in cases:
        case["sklearn_version"] = sklearn.__version__
        with open(os.path.join(HERE, case["name"] + ".json"), "w", encoding="utf-8") as f:
            json.dump(case, f)
            f.write("\n")
        summary = {k: case[k] for k in ("inertia", "n_iter", "ari") if k in case}
        sys.stderr.write(f"{case['name']}: {summary or case.get('best_of_10_inertia_by_seed')}\n")


if __name__ == "__main__":
    main()
