"""Loads a Tessera document-term matrix (.safetensors) as a scipy.sparse.csr_matrix plus its vocabulary.

numpy + scipy only, no Tessera code. A safetensors file is an 8-byte little-endian header length, a JSON header
(dtype, shape, data_offsets of every tensor, plus __metadata__) and the raw little-endian data.
"""
import json, sys
import numpy as np, scipy.sparse as sp

def load_dtm(path):
    raw = open(path, "rb").read()
    n = int.from_bytes(raw[:8], "little"); header = json.loads(raw[8:8 + n]); body = raw[8 + n:]
    dtypes = {"F32": "<f4", "F64": "<f8", "I32": "<i4", "I64": "<i8", "U8": "u1"}
    def tensor(name):
        t = header[name]; start, end = t["data_offsets"]
        return np.frombuffer(body[start:end], dtype=dtypes[t["dtype"]]).reshape(t["shape"])
    words, offsets = tensor("vocabulary").tobytes(), tensor("vocabulary.offsets")
    vocabulary = [words[a:b].decode("utf-8") for a, b in zip(offsets[:-1], offsets[1:])]
    matrix = sp.csr_matrix((tensor("data"), tensor("indices"), tensor("indptr")), shape=tuple(tensor("shape")))
    return matrix, vocabulary, header.get("__metadata__", {})

if __name__ == "__main__":
    m, vocab, meta = load_dtm(sys.argv[1])
    print(repr(m), len(vocab), "terms;", meta.get("vectorizer"), "norm", meta.get("norm"))
