#!/usr/bin/env python3
"""Writes the seed corpus of TensorFileFuzzTest.openAndReadEverything.

Short fuzzing runs rarely grow inputs past a few hundred bytes, so the seeds hand the fuzzer files that already
reach the deep branches of TensorFile: valid files of every dtype, string tables, many tensors, a long header,
and near misses that fail exactly one late check. Built with ../reference/make_fixture.py's serializer (the
published layout). Not run by CI; run by hand to regenerate:  python3 make_seeds.py
"""
import json
import shutil
import struct
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "reference"))
from make_fixture import serialize  # noqa: E402

OUT = HERE / "openAndReadEverything"


def strings(words):
    data = b"".join(w.encode("utf-8") for w in words)
    offsets = np.cumsum([0] + [len(w.encode("utf-8")) for w in words]).astype(np.int64)
    return ("U8", np.frombuffer(data, dtype=np.uint8)), ("I64", offsets)


def raw_header(header_text, data=b""):
    text = header_text.encode("utf-8")
    return struct.pack("<Q", len(text)) + text + data


def main():
    OUT.mkdir(exist_ok=True)
    seeds = {}
    shutil.copy(HERE.parent / "reference" / "reference.safetensors", OUT / "valid-reference")

    vocab_bytes, vocab_offsets = strings(["<pad>", "<unk>", "영화", "재밌다", "😀", "", "the"])
    seeds["valid-vocabulary"] = serialize({
        "vocab": vocab_bytes, "vocab.offsets": vocab_offsets,
        "embedding": ("F32", np.linspace(-1, 1, 7 * 4, dtype=np.float32).reshape(7, 4)),
    }, {"family": "embedding", "algorithm": "word2vec", "format": "1"})

    many = {}
    kinds = [("F32", np.float32), ("F64", np.float64), ("I32", np.int32), ("I64", np.int64), ("U8", np.uint8),
             ("I8", np.int8), ("BOOL", np.bool_), ("F16", np.float16), ("I16", np.int16), ("U16", np.uint16),
             ("U32", np.uint32), ("U64", np.uint64)]
    for i in range(60):
        name, dtype = kinds[i % len(kinds)]
        many[f"layer.{i}.{name.lower()}"] = (name, np.arange(i % 5).astype(dtype))
    seeds["valid-many-tensors"] = serialize(many, None)

    seeds["valid-long-header"] = serialize(
        {"w" * 300: ("F64", np.array(2.5)), "scalar": ("I32", np.array(7, dtype=np.int32))},
        {"description": "긴 설명 " * 400, "notes": "x" * 3000})

    seeds["valid-empty"] = serialize({}, None)
    seeds["valid-zero-sized"] = serialize({"a": ("F32", np.zeros((0, 3), dtype=np.float32)),
                                           "b": ("I64", np.zeros((2, 0), dtype=np.int64))}, None)

    entry = lambda dtype, shape, begin, end: {"dtype": dtype, "shape": shape, "data_offsets": [begin, end]}
    near = {
        "bad-gap": ({"a": entry("U8", [2], 0, 2), "b": entry("U8", [2], 3, 5)}, 5),
        "bad-overlap": ({"a": entry("U8", [3], 0, 3), "b": entry("U8", [2], 2, 4)}, 4),
        "bad-size": ({"a": entry("F32", [3], 0, 8)}, 8),
        "bad-dtype": ({"a": entry("F128", [1], 0, 16)}, 16),
        "bad-overflow": ({"a": entry("F64", [2 ** 61], 0, 8)}, 8),
        "bad-trailing": ({"a": entry("U8", [2], 0, 2)}, 6),
        "bad-metadata": ({"__metadata__": {"k": 1}, "a": entry("U8", [1], 0, 1)}, 1),
        "bad-strings-offsets": ({"s": entry("U8", [3], 0, 3), "s.offsets": entry("I64", [3], 3, 27)}, 27),
    }
    for name, (header, size) in near.items():
        data = bytearray(size)
        if name == "bad-strings-offsets":
            data[0:3] = b"ab\xff"
            data[3:27] = struct.pack("<qqq", 0, 2, 1)
        seeds[name] = raw_header(json.dumps(header, separators=(",", ":")), bytes(data))
    seeds["bad-utf8-header"] = struct.pack("<Q", 8) + b'{"\xc3(":1}'
    seeds["bad-length"] = struct.pack("<Q", 2 ** 40) + b"{}"

    for name, content in seeds.items():
        (OUT / name).write_bytes(content)
    print(f"wrote {len(seeds) + 1} seeds to {OUT}")


if __name__ == "__main__":
    main()
