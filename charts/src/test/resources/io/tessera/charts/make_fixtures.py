#!/usr/bin/env python3
"""Makes the chart tests' fixtures from the real data in ../shared/data (next to the repository).

Not run by the build; the outputs are committed. Needs Python 3 and SciPy (Debian: python3-scipy).

  iris.csv                     a copy of clustering/iris.csv (150 flowers)
  usarrests.csv                a copy of clustering/usarrests.csv (50 states)
  usarrests-ward-linkage.csv   scipy.cluster.hierarchy.linkage of the z-scored USArrests columns (ddof=1, as R's
                               scale()), Ward's method: 49 rows of idx1,idx2,distance,count
  usarrests-ward-dendrogram.csv  what scipy.cluster.hierarchy.dendrogram(no_plot=True) makes of that linkage: the
                               leaves in display order (leaf,colour), colour being SciPy's default colour class
                               (C1, C2, ... below 0.7 x the largest distance; C0 above)
  seattle-temps-3weeks.csv     the first 21 days (504 hours) of timeseries/seattle-temps-hourly-2010.csv
  seoul-proposal-titles.tsv    id, date and title of the first 200 proposals of each year (2017, 2018, 2019) in
                               korean/seoul-proposals.tsv.gz, in file order
"""
import csv
import gzip
import pathlib
import shutil
import sys

import numpy as np
from scipy.cluster.hierarchy import dendrogram, linkage

here = pathlib.Path(__file__).resolve().parent
repo = here.parents[6]
data = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else repo.parent / "shared" / "data"

shutil.copyfile(data / "clustering" / "iris.csv", here / "iris.csv")
shutil.copyfile(data / "clustering" / "usarrests.csv", here / "usarrests.csv")

with open(data / "clustering" / "usarrests.csv", newline="") as f:
    rows = list(csv.reader(f))[1:]
x = np.array([[float(v) for v in r[1:]] for r in rows])
z = (x - x.mean(axis=0)) / x.std(axis=0, ddof=1)
link = linkage(z, method="ward")
with open(here / "usarrests-ward-linkage.csv", "w") as f:
    f.write("idx1,idx2,distance,count\n")
    for a, b, d, n in link:
        f.write(f"{int(a)},{int(b)},{float(d)!r},{int(n)}\n")

d = dendrogram(link, no_plot=True)
with open(here / "usarrests-ward-dendrogram.csv", "w") as f:
    f.write("leaf,colour\n")
    for leaf, colour in zip(d["leaves"], d["leaves_color_list"]):
        f.write(f"{int(leaf)},{colour}\n")

with open(data / "timeseries" / "seattle-temps-hourly-2010.csv") as f:
    lines = f.read().splitlines()
with open(here / "seattle-temps-3weeks.csv", "w") as f:
    f.write("\n".join(lines[: 1 + 21 * 24]) + "\n")

per_year = {}
with gzip.open(data / "korean" / "seoul-proposals.tsv.gz", "rt", encoding="utf-8") as f:
    header = f.readline()
    for line in f:
        pid, date, votes, title, text = line.rstrip("\n").split("\t")
        year = date[:4]
        if len(per_year.setdefault(year, [])) < 200:
            per_year[year].append((pid, date, title))
with open(here / "seoul-proposal-titles.tsv", "w", encoding="utf-8") as f:
    f.write("id\tdate\ttitle\n")
    for year in sorted(per_year):
        for pid, date, title in per_year[year]:
            f.write(f"{pid}\t{date}\t{title}\n")
