#!/usr/bin/python3
"""Both sides of bench/cases/korean-tokenize.toml: runs one whole tokenizing command as a user runs it, its
stdout (one line of space-separated tokens per document) going to a file, and prints one JSON line with the
command's throughput.

    throughput.py --input FILE --column NAME -- COMMAND...

Only the command's wall time is timed (process start included). The figures are worked out afterwards, untimed:
`mb` is the size in MB (10^6 bytes) of the UTF-8 text of the column that was tokenized (not of the gzipped file),
`tokens` the number of tokens the command printed; `mb_per_s` and `tokens_per_s` divide them by the wall time."""
import gzip, json, os, subprocess, sys, tempfile, time

args = sys.argv[1:]
if len(args) < 6 or args[0] != "--input" or args[2] != "--column" or args[4] != "--":
    sys.exit("usage: throughput.py --input FILE --column NAME -- COMMAND...")
path, column, command = args[1], args[3], args[5:]

out_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
with tempfile.TemporaryFile(dir=out_dir) as out:
    start = time.perf_counter()
    done = subprocess.run(command, stdout=out)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"throughput.py: the command failed with exit status {done.returncode}: {' '.join(command)}")
    out.seek(0)
    documents = tokens = 0
    for line in out:
        documents += 1
        tokens += len(line.split())

size = 0
with (gzip.open if path.endswith(".gz") else open)(path, "rb") as f:
    at = f.readline().rstrip(b"\r\n").split(b"\t").index(column.encode())
    for line in f:
        size += len(line.rstrip(b"\r\n").split(b"\t")[at])
mb = size / 1e6
print(json.dumps({"seconds": round(seconds, 3), "documents": documents, "tokens": tokens, "mb": round(mb, 3),
                  "mb_per_s": round(mb / seconds, 3), "tokens_per_s": round(tokens / seconds, 1),
                  "tokens_per_document": round(tokens / max(1, documents), 3)}))
