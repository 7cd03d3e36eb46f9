"""Specification of bench/run, on toy cases whose two sides are tiny Python commands (no Java, no packages).

Run: /usr/bin/python3 -m unittest discover -s bench/tests
"""
import json
import os
import subprocess
import sys
import tempfile
import textwrap
import unittest

BENCH = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, BENCH)

from harness import cases  # noqa: E402

# A side that appends its role to a trace file, sleeps a little and prints a quality figure in prose.
SLEEPER = ("import sys, time; open(sys.argv[1], 'a').write(sys.argv[2] + '\\\\n'); time.sleep(float(sys.argv[3])); "
           "print('threads', sys.argv[4], 'accuracy', sys.argv[5])")


def write_case(folder, name, text):
    path = os.path.join(folder, name + ".toml")
    with open(path, "w") as f:
        f.write(textwrap.dedent(text))
    return path


def run_harness(cases_dir, *args):
    results = os.path.join(cases_dir, "results")
    return subprocess.run([sys.executable, os.path.join(BENCH, "run"), "--cases-dir", cases_dir,
                           "--results", results, "--no-install"] + list(args),
                          capture_output=True, text=True, timeout=300)


def read_results(cases_dir, name):
    with open(os.path.join(cases_dir, "results", name + ".jsonl")) as f:
        return [json.loads(line) for line in f]


def wall_case(trace, peer_exit=0, tessera_exit=0):
    return f"""
        description = "toy: two sleeping commands, timed whole by the harness"
        metric = "time"
        unit = "s"
        quality = "accuracy as printed"
        repetitions = 5
        warmups = 1

        [params]
        nap = 0.02

        [quick]
        nap = 0.001

        [peer]
        name = "sleepy"
        command = ["{{python}}", "-c", "{SLEEPER}; raise SystemExit({peer_exit})", "{trace}", "peer", "{{nap}}",
                   "{{threads}}", "0.75"]
        quality = {{ regex = 'accuracy ([0-9.]+)' }}

        [tessera]
        command = ["{{python}}", "-c", "{SLEEPER}; raise SystemExit({tessera_exit})", "{trace}", "tessera",
                   "{{nap}}", "{{threads}}", "0.5"]
        quality = {{ regex = 'accuracy ([0-9.]+)' }}
        """


class WholeCommandTiming(unittest.TestCase):
    def run_toy(self, *args):
        """Runs the toy case; returns the harness's result, its JSON records and the order the sides ran in."""
        with tempfile.TemporaryDirectory() as d:
            trace = os.path.join(d, "trace")
            write_case(d, "toy", wall_case(trace))
            result = run_harness(d, *args)
            self.assertEqual(result.returncode, 0, result.stderr)
            with open(trace) as f:
                return result, read_results(d, "toy"), f.read().split()

    def test_alternates_sides_and_reports_min_median_max_ratio_and_quality_per_thread_variant(self):
        result, records, order = self.run_toy("toy")

        self.assertEqual([r["variant"] for r in records], ["toy-t1", "toy-t2"])
        for r in records:
            self.assertEqual(len(r["peer"]["values"]), 5)
            self.assertEqual(len(r["tessera"]["values"]), 5)
            self.assertTrue(all(v >= 0.02 for v in r["peer"]["values"] + r["tessera"]["values"]))
            self.assertLessEqual(r["peer"]["min"], r["peer"]["median"])
            self.assertLessEqual(r["peer"]["median"], r["peer"]["max"])
            self.assertAlmostEqual(r["ratio_median"], r["peer"]["median"] / r["tessera"]["median"])
            self.assertEqual(r["peer"]["quality"], 0.75)
            self.assertEqual(r["tessera"]["quality"], 0.5)
            self.assertEqual(r["peer"]["env"]["OPENBLAS_NUM_THREADS"], str(r["threads"]))
            self.assertIn("date", r["context"])
        # Per variant: one warm-up pair, then five repetitions, alternating who goes first.
        one_variant = ["peer", "tessera"] + ["peer", "tessera", "tessera", "peer"] * 2 + ["peer", "tessera"]
        self.assertEqual(order, one_variant * 2)
        self.assertIn("| toy-t1 | 1 |", result.stdout)
        self.assertIn("peer median time / Tessera median time", result.stdout)

    def test_quick_runs_each_variant_once_with_the_quick_parameters(self):
        _, records, order = self.run_toy("--quick")

        self.assertEqual([len(r["peer"]["values"]) for r in records], [1, 1])
        self.assertEqual([r["params"]["nap"] for r in records], [0.001, 0.001])
        self.assertEqual(order, ["peer", "tessera"] * 2)

    def test_a_failing_side_stops_the_run_with_one_line_naming_case_side_and_command(self):
        with tempfile.TemporaryDirectory() as d:
            write_case(d, "toy", wall_case(os.path.join(d, "trace"), tessera_exit=3))

            result = run_harness(d, "toy-t2")

            self.assertEqual(result.returncode, 1)
            last = result.stderr.strip().splitlines()[-1]
            self.assertTrue(last.startswith("bench/run: case toy-t2, side tessera (tessera): exited with status 3"),
                            last)
            self.assertIn("command: ", last)
            self.assertIn("raise SystemExit(3)", last)


class ReportedFigures(unittest.TestCase):
    def test_a_server_side_answers_one_json_line_per_request(self):
        # Braces meant for Python are doubled in a case file: single ones are placeholders.
        server = ("import json, sys\\nfor line in sys.stdin:\\n    n = int(line.split()[1])\\n"
                  "    print(json.dumps({{'rate': n * 2.0, 'loss': 0.125}}), flush=True)")
        reporter = "import json, sys; print('threads', sys.argv[1]); print(json.dumps({{'r': {{'rate': 40}}}}))"
        with tempfile.TemporaryDirectory() as d:
            write_case(d, "served", """
                description = "toy servers reporting their own throughput"
                metric = "throughput"
                unit = "items/s"
                repetitions = 5
                warmups = 0

                [matrix]
                size = [10]
                threads = [2]

                [peer]
                serve = ["{python}", "-c", "SERVER", "{threads}"]
                request = "run {size}"
                timing = { json = "rate" }
                quality = { json = "loss" }

                [tessera]
                command = ["{python}", "-c", "REPORTER", "{threads}"]
                timing = { json = "r.rate", scale = 0.5 }
                """.replace("SERVER", server).replace("REPORTER", reporter))

            result = run_harness(d)

            self.assertEqual(result.returncode, 0, result.stderr)
            (record,) = read_results(d, "served")
            self.assertEqual(record["variant"], "served-size10-t2")
            self.assertEqual(record["peer"]["values"], [20.0] * 5)
            self.assertEqual(record["tessera"]["values"], [20.0] * 5)
            self.assertEqual(record["peer"]["quality"], 0.125)
            self.assertIsNone(record["tessera"]["quality"])
            self.assertEqual(record["ratio_median"], 1.0)


class CaseFiles(unittest.TestCase):
    def load(self, text):
        with tempfile.TemporaryDirectory() as d:
            return cases.load(write_case(d, "c", text), "c")

    MINIMAL = """
        description = "d"
        metric = "time"
        unit = "s"
        [peer]
        command = ["p", "--threads", "{threads}"]
        [tessera]
        command = ["t", "--threads", "{threads}"]
        """

    def test_threads_one_and_two_are_variants_unless_the_case_says_otherwise(self):
        case = self.load(self.MINIMAL)
        self.assertEqual([v.name for v in case.variants()], ["c-t1", "c-t2"])

    def test_a_side_that_never_pins_its_threads_is_refused(self):
        with self.assertRaisesRegex(cases.CaseError, r"c\.toml: tessera: never uses \{threads\}"):
            self.load(self.MINIMAL.replace('["t", "--threads", "{threads}"]', '["t"]'))

    def test_fewer_than_five_repetitions_are_refused(self):
        with self.assertRaisesRegex(cases.CaseError, "repetitions: at least 5"):
            self.load('repetitions = 3\n' + self.MINIMAL)

    def test_unknown_keys_and_placeholders_are_named(self):
        with self.assertRaisesRegex(cases.CaseError, "unknown key"):
            self.load('repetitons = 7\n' + self.MINIMAL)
        case = self.load(self.MINIMAL)
        with self.assertRaisesRegex(cases.CaseError, r"unknown placeholder \{size\}"):
            cases.render("--size {size}", {"threads": 1}, "here")

    def test_a_throughput_case_needs_reported_figures(self):
        with self.assertRaisesRegex(cases.CaseError, "peer.timing: a throughput case"):
            self.load(self.MINIMAL.replace('metric = "time"', 'metric = "throughput"'))

    def test_parameters_may_use_placeholders(self):
        case = self.load(self.MINIMAL + '[params]\ncorpus = "{data}/text.txt"\n')
        variant = case.variants()[0]
        self.assertEqual(cases.values_for(variant, {"data": "/d"})["corpus"], "/d/text.txt")

    def test_placeholders_keep_doubled_braces(self):
        self.assertEqual(cases.render("{{'a': {n}}}", {"n": 3}, "here"), "{'a': 3}")


class Readers(unittest.TestCase):
    def test_json_finds_the_key_in_the_last_json_line_that_has_it(self):
        reader = cases.Reader("json", "eval.accuracy")
        out = 'loading\n{"eval": {"accuracy": 0.5}}\n{"other": 1}\n'
        self.assertEqual(reader.read(out), 0.5)

    def test_json_reads_a_whole_pretty_printed_document_and_list_indices(self):
        reader = cases.Reader("json", "results.1.gflops")
        self.assertEqual(reader.read('{\n  "results": [{"gflops": 1}, {"gflops": 2.5}]\n}\n'), 2.5)

    def test_regex_takes_the_last_match_and_falls_back_to_stderr(self):
        reader = cases.Reader("regex", r"loss ([0-9.]+)", scale=2.0)
        self.assertEqual(reader.read("loss 1.0\nloss 0.25\n"), 0.5)
        self.assertEqual(reader.read("", "epoch 3 loss 0.5"), 1.0)

    def test_a_missing_figure_is_a_read_error(self):
        with self.assertRaises(cases.ReadError):
            cases.Reader("json", "nope").read('{"yes": 1}')


if __name__ == "__main__":
    unittest.main()
