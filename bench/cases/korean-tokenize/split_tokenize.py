#!/usr/bin/python3
"""The peer side of bench/cases/korean-tokenize.toml, a lower bound rather than a rival: Python's str.split() on
whitespace of one column of a TSV file (gzipped or not), one line of space-separated tokens per document, the work
shared by N processes (blocks of documents in order, so the output does not depend on N). No morphological
analysis: 영화가/영화는/영화를 stay three words. It shows what reading and writing the same text costs in Python.

    split_tokenize.py --threads N --column NAME FILE"""
import gzip, sys
from multiprocessing import Pool

BLOCK = 4096


def split(block):
    return "".join(" ".join(doc.split()) + "\n" for doc in block)


def blocks(path, column):
    with (gzip.open if path.endswith(".gz") else open)(path, "rt", encoding="utf-8", newline="\n") as f:
        at = f.readline().rstrip("\r\n").split("\t").index(column)
        block = []
        for line in f:
            block.append(line.rstrip("\r\n").split("\t")[at])
            if len(block) == BLOCK:
                yield block
                block = []
        if block:
            yield block


if __name__ == "__main__":
    a = sys.argv[1:]
    if len(a) != 5 or a[0] != "--threads" or a[2] != "--column":
        sys.exit("usage: split_tokenize.py --threads N --column NAME FILE")
    threads, column, path = int(a[1]), a[3], a[4]
    write = sys.stdout.write
    if threads <= 1:
        for b in blocks(path, column):
            write(split(b))
    else:
        with Pool(threads) as pool:
            for text in pool.imap(split, blocks(path, column), chunksize=4):
                write(text)
    sys.stdout.flush()
