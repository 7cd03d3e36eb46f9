#!/usr/bin/python3
"""The numpy side of the sgemm bench case (bench/cases/sgemm.toml): a long-lived process that answers one request
per stdin line with one JSON line, so bench/run can interleave it with the Tessera side.

  info            numpy's version and the BLAS it loaded (threadpoolctl), with its thread count
  gemm N SECONDS  float32 C = A @ B for two random N x N matrices, repeated for at least SECONDS: the GFLOP/s of
                  the batch and the residual |Cx - A(Bx)| / |A(Bx)| in float64 (the same check as the Java side)

Usage: numpy_server.py --threads T   (bench/run also sets OPENBLAS_NUM_THREADS before numpy is imported)
"""
import argparse
import json
import sys
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, required=True)
    args = parser.parse_args()
    import numpy as np
    import threadpoolctl

    # Belt and braces: the environment pins OpenBLAS already; this also covers an OpenMP build.
    threadpoolctl.threadpool_limits(args.threads)
    operands = {}
    for line in sys.stdin:
        words = line.split()
        try:
            if words[0] == "info":
                blas = ["%s %s %s, %s thread(s)" % (i.get("internal_api"), i.get("version"), i.get("architecture"),
                                                     i.get("num_threads"))
                        for i in threadpoolctl.threadpool_info()]
                answer = {"numpy": np.__version__, "blas": "; ".join(blas)}
            elif words[0] == "gemm":
                n, seconds = int(words[1]), float(words[2])
                if n not in operands:
                    rng = np.random.default_rng(n)
                    operands[n] = (rng.random((n, n), dtype=np.float32), rng.random((n, n), dtype=np.float32),
                                   np.empty((n, n), dtype=np.float32))
                a, b, c = operands[n]
                products = 0
                start = time.perf_counter()
                while True:
                    np.matmul(a, b, out=c)
                    products += 1
                    now = time.perf_counter()
                    if now - start >= seconds:
                        break
                x = np.random.default_rng(7).random(n)
                exact = a.astype(np.float64) @ (b.astype(np.float64) @ x)
                residual = np.linalg.norm(c.astype(np.float64) @ x - exact) / np.linalg.norm(exact)
                answer = {"gflops": round(2.0 * n ** 3 * products / (now - start) / 1e9, 3), "products": products,
                          "residual": float("%.3e" % residual)}
            else:
                answer = None
                print("error: unknown request " + words[0], flush=True)
        except (IndexError, ValueError) as e:
            answer = None
            print("error: %s: %s" % (line.strip(), e), flush=True)
        if answer is not None:
            print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
