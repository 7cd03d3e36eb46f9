"""The bench/run harness: case files, machine context, the two sides of a comparison, reports."""
