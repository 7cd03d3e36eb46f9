#!/usr/bin/env python3
"""Writes reference.safetensors, an independent fixture for TensorFileTest.

The Python `safetensors` package is not installable on this machine (no PyPI access; Debian has no
python3-safetensors), so the bytes are built here with numpy directly from the published format:

  * 8-byte little-endian unsigned header length N,
  * N bytes of JSON: {"__metadata__": {str: str}, name: {"dtype", "shape", "data_offsets": [begin, end]}},
    padded with spaces to a multiple of 8 (as the reference serializer does),
  * the raw little-endian, C-order tensor data, back to back from offset 0.

Tensors are laid out like the reference serializer: by descending dtype alignment rank (the order of its
Dtype enum), then by name. Metadata keys are sorted (the reference keeps them in a hash map, so any
order is valid). Not run by CI; run it by hand to regenerate:  python3 make_fixture.py
"""
import json
import struct
from pathlib import Path

import numpy as np

# The reference implementation's Dtype enum order (increasing alignment).
DTYPE_RANK = ["BOOL", "U8", "I8", "F8_E5M2", "F8_E4M3", "I16", "U16", "F16", "BF16",
              "I32", "U32", "F32", "F64", "I64", "U64"]
NUMPY_DTYPE = {"BOOL": np.bool_, "U8": np.uint8, "I8": np.int8, "I16": np.int16, "U16": np.uint16,
               "F16": np.float16, "I32": np.int32, "U32": np.uint32, "F32": np.float32, "F64": np.float64,
               "I64": np.int64, "U64": np.uint64}

TENSORS = {
    "embedding.weight": ("F32", np.arange(6, dtype=np.float32).reshape(2, 3) * np.float32(0.5) - np.float32(1)),
    "bias": ("F64", np.array([np.pi, -np.e], dtype=np.float64)),
    "step": ("I64", np.array(123456789012, dtype=np.int64)),        # 0-d scalar, shape []
    "counts": ("I32", np.array([[1, -2], [3, 2147483647]], dtype=np.int32)),
    "half": ("F16", np.array([1.0, -2.5, 65504.0], dtype=np.float16)),
    "mask": ("BOOL", np.array([True, False, True], dtype=np.bool_)),
    "empty": ("U8", np.zeros((0, 4), dtype=np.uint8)),
    "small": ("I16", np.array([-32768, 32767], dtype=np.int16)),
}
METADATA = {"format": "pt", "description": "참조 픽스처 😀"}


def serialize(tensors, metadata):
    order = sorted(tensors, key=lambda n: (-DTYPE_RANK.index(tensors[n][0]), n.encode("utf-8")))
    header = {}
    if metadata:
        header["__metadata__"] = {k: metadata[k] for k in sorted(metadata, key=lambda k: k.encode("utf-8"))}
    data = bytearray()
    for name in order:
        dtype, array = tensors[name]
        raw = np.ascontiguousarray(array, dtype=np.dtype(NUMPY_DTYPE[dtype]).newbyteorder("<")).tobytes()
        header[name] = {"dtype": dtype, "shape": list(array.shape), "data_offsets": [len(data), len(data) + len(raw)]}
        data += raw
    text = json.dumps(header, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    text += b" " * (-len(text) % 8)
    return struct.pack("<Q", len(text)) + text + bytes(data)


if __name__ == "__main__":
    out = Path(__file__).with_name("reference.safetensors")
    out.write_bytes(serialize(TENSORS, METADATA))
    print(f"wrote {out} ({out.stat().st_size} bytes)")
