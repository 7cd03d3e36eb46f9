#!/usr/bin/python3
"""Reference results for the example NearestCentroid plugin, from scikit-learn 1.2's NearestCentroid on iris.

Run with Debian's interpreter (`apt-get install python3-sklearn`):  /usr/bin/python3 make_fixture.py
It rewrites nearest_centroid_iris.json next to this script. The data are rounded to float32 first, as the plugin
reads tables as float32, so both sides classify identical numbers.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.neighbors import NearestCentroid

HERE = os.path.dirname(os.path.abspath(__file__))

with open(os.path.join(HERE, "iris.csv"), encoding="utf-8") as f:
    header = f.readline().strip().split(",")
    rows = [line.strip().split(",") for line in f if line.strip()]
x = np.array([[float(v) for v in r[:-1]] for r in rows], dtype=np.float32).astype(np.float64)
y = np.array([r[-1] for r in rows])

cases = []
for metric, shrink in [("euclidean", 0.0), ("manhattan", 0.0), ("euclidean", 0.5), ("manhattan", 0.2)]:
    model = NearestCentroid(metric=metric, shrink_threshold=shrink or None).fit(x, y)
    cases.append({"metric": metric, "shrink_threshold": shrink, "classes": model.classes_.tolist(),
                  "centroids": model.centroids_.tolist(), "predictions": model.predict(x).tolist(),
                  "accuracy": float(model.score(x, y))})

with open(os.path.join(HERE, "nearest_centroid_iris.json"), "w", encoding="utf-8") as f:
    json.dump({"sklearn_version": sklearn.__version__, "cases": cases}, f)
    f.write("\n")
for c in cases:
    print(c["metric"], c["shrink_threshold"], "accuracy", c["accuracy"])
