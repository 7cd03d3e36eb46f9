"""bench/run: the one peer-comparison harness. See bench/README.md for the case format."""
import argparse
import datetime
import fnmatch
import json
import os
import shlex
import subprocess
import sys
import time

from . import cases as case_files
from . import machine
from . import report
from .cases import CaseError
from .machine import MachineError
from .sides import SideFailure, open_side, thread_env

BENCH = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPO = os.path.dirname(BENCH)
MIN_REPETITIONS = 5
QUICK_TIMEOUT = 120  # seconds one run or request may take under --quick


def log(message):
    """Progress goes to stderr; stdout carries only the context and the tables."""
    print(message, file=sys.stderr, flush=True)


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="bench/run",
        description="Runs peer comparisons declared in bench/cases/*.toml: context first, then per variant a "
                    "warm-up and interleaved repetitions (peer, Tessera, Tessera, peer, ...), a Markdown table on "
                    "stdout and one JSON line per variant appended to bench/results/<case>.jsonl.")
    parser.add_argument("patterns", nargs="*", metavar="CASE",
                        help="case names (sgemm), variant names (sgemm-n512-t1) or globs ('sgemm-*-t2'); "
                             "default: every case")
    parser.add_argument("--quick", action="store_true",
                        help="every selected variant once, on the case's tiny inputs, no warm-up: proves that the "
                             "harness and both sides work (CI); its figures mean nothing and go to "
                             "bench/target/quick-results/")
    parser.add_argument("--list", action="store_true", help="list the cases and their variants, run nothing")
    parser.add_argument("--reps", type=int, help="repetitions per side (default: the case's, at least %d)"
                        % MIN_REPETITIONS)
    parser.add_argument("--warmups", type=int, help="untimed runs per side before the repetitions")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=V1,V2",
                        help="override a matrix dimension or parameter, e.g. --set n=256,4096")
    parser.add_argument("--peer-env", action="append", default=[], metavar="KEY=VALUE",
                        help="extra environment for the peer, e.g. OPENBLAS_CORETYPE=SkylakeX")
    parser.add_argument("--tessera-env", action="append", default=[], metavar="KEY=VALUE",
                        help="extra environment for the Tessera side, e.g. TESSERA_OPTS=-Xmx8g")
    parser.add_argument("--results", metavar="DIR", help="where the JSON lines go (default: bench/results, or "
                                                          "bench/target/quick-results with --quick)")
    parser.add_argument("--no-install", action="store_true", help="fail instead of running apt-get install")
    parser.add_argument("--cases-dir", default=os.path.join(BENCH, "cases"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.reps is not None and args.reps < MIN_REPETITIONS and not args.quick:
        parser.error("--reps must be at least %d (shared/docs/BENCHMARKS.md); --quick runs each variant once"
                     % MIN_REPETITIONS)
    return args


def _pairs(items, flag):
    result = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise CaseError("%s expects KEY=VALUE, got %r" % (flag, item))
        result[key] = value
    return result


def _overrides(items):
    result = {}
    for key, value in _pairs(items, "--set").items():
        values = []
        for v in value.split(","):
            try:
                values.append(int(v))
            except ValueError:
                try:
                    values.append(float(v))
                except ValueError:
                    values.append(v)
        result[key] = values
    return result


def load_cases(directory):
    if not os.path.isdir(directory):
        raise CaseError("no case folder %s" % directory)
    found = []
    for entry in sorted(os.listdir(directory)):
        if entry.endswith(".toml"):
            found.append(case_files.load(os.path.join(directory, entry), entry[:-len(".toml")]))
    if not found:
        raise CaseError("no *.toml case in %s" % directory)
    return found


def select(cases, patterns, quick, overrides):
    """[(case, [variant, ...])] for the patterns; a pattern that matches nothing is an error."""
    chosen = []
    unmatched = set(patterns)
    for case in cases:
        variants = case.variants(quick, {k: v for k, v in overrides.items()
                                         if k in case.matrix or k in case.params})
        if patterns:
            keep = []
            for v in variants:
                hits = [p for p in patterns if fnmatch.fnmatchcase(case.name, p) or fnmatch.fnmatchcase(v.name, p)]
                unmatched -= set(hits)
                if hits:
                    keep.append(v)
            variants = keep
        if variants:
            chosen.append((case, variants))
    if unmatched:
        raise CaseError("no case or variant matches %s (bench/run --list shows them)" % ", ".join(sorted(unmatched)))
    unknown = set(overrides) - {k for case, _ in chosen for k in list(case.matrix) + list(case.params)}
    if unknown:
        raise CaseError("--set %s: no selected case has that parameter" % ", ".join(sorted(unknown)))
    return chosen


class Harness:
    def __init__(self, args):
        self.args = args
        self.quick = args.quick
        self.overrides = _overrides(args.set)
        self.extra_env = {"peer": _pairs(args.peer_env, "--peer-env"),
                          "tessera": _pairs(args.tessera_env, "--tessera-env")}
        self.target = os.path.join(BENCH, "target")
        self.logs = os.path.join(self.target, "logs")
        default_results = os.path.join(self.target, "quick-results") if self.quick else os.path.join(BENCH, "results")
        self.results = args.results or default_results
        self.launcher = None

    def placeholders(self, case):
        return {
            "repo": REPO, "bench": BENCH, "cases": self.args.cases_dir,
            "case_dir": os.path.join(self.args.cases_dir, case.name),
            "data": os.path.normpath(os.path.join(REPO, "..", "shared", "data")),
            "python": machine.PYTHON, "jdk": self.jdk, "java": os.path.join(self.jdk, "bin", "java"),
            "tessera": os.path.join(REPO, "tessera"), "launcher_lib": os.path.join(REPO, "build", "launcher", "lib"),
            "quick": "true" if self.quick else "false",
            "work": self.work_dir(case),
        }

    def work_dir(self, case):
        """A scratch folder for the case's output files (bench/target/work/CASE), made on first use."""
        path = os.path.join(self.target, "work", case.name)
        os.makedirs(path, exist_ok=True)
        return path

    def run(self, selected):
        self.jdk = machine.find_jdk()
        os.makedirs(self.logs, exist_ok=True)
        context = machine.machine_context(REPO, self.jdk)
        self.context = context
        print("# bench/run%s — %s" % (" --quick" if self.quick else "", context["date"]))
        print()
        if self.quick:
            print("**--quick**: each variant once on tiny inputs, no warm-up; the figures prove that both sides "
                  "work and mean nothing.")
            print()
        print("## Context")
        print()
        for key in ("date", "uptime", "nproc", "usable_cpus", "cpu", "topology", "caches", "isa",
                    "transparent_hugepages", "java_version", "jdk", "python", "repository"):
            print("- %s: %s" % (key, context[key]))
        print("- thread pinning (both sides, per variant): %s, plus each side's own thread option"
              % ", ".join("%s=<threads>" % k for k in thread_env(1)))
        print(flush=True)
        for case, variants in selected:
            self.run_case(case, variants)
        print("Load at the end: %s" % machine.output(["uptime"]), flush=True)

    # ------------------------------------------------------------------------------------------------- a case

    def prepare(self, case, variants):
        packages = list(case.apt)
        if case.python_modules and "python3-threadpoolctl" not in packages:
            packages.append("python3-threadpoolctl")  # to report which BLAS the peer actually loads
        versions = machine.ensure_packages(packages, log, allow_install=not self.args.no_install)
        values = self.placeholders(case)
        for command in case.setup:
            rendered = [case_files.render(part, values, case.path + ": setup") for part in command]
            log("setup: " + shlex.join(rendered))
            result = subprocess.run(rendered, cwd=REPO, capture_output=True, text=True,
                                    env=dict(os.environ, JAVA_HOME=self.jdk))
            if result.returncode != 0:
                raise MachineError("case %s: setup command failed (%s): %s" % (
                    case.name, shlex.join(rendered), machine.tail(result.stderr + result.stdout)))
        build = None
        if case.build == "launcher":
            if self.launcher is None:
                log("launcher: ./tessera --version (builds build/launcher/ when missing or stale)")
                self.launcher = machine.build_launcher(REPO, self.jdk)
            version, seconds = self.launcher
            build = "%s (./tessera --version took %.1f s, build included when one was needed)" % (version, seconds)
        if not self.quick:
            for variant in variants:
                for path in case.requires:
                    rendered = case_files.render(path, case_files.values_for(variant, values),
                                                 case.path + ": requires")
                    if not os.path.exists(rendered):
                        raise CaseError("case %s: missing %s (full data lives in ../shared/data, see its README; "
                                        "--quick uses the case's tiny inputs)" % (variant.name, rendered))
        return versions, build

    def run_case(self, case, variants):
        log("== case %s: %d variant(s)" % (case.name, len(variants)))
        versions, build = self.prepare(case, variants)
        reps = 1 if self.quick else (self.args.reps or case.repetitions)
        warmups = 0 if self.quick else (self.args.warmups if self.args.warmups is not None else case.warmups)
        print("## %s — %s" % (case.name, case.description))
        print()
        print("- figure: %s (%s); ratio = %s" % (
            "time in seconds, lower is better" if case.metric == "time" else case.unit + ", higher is better",
            "; ".join("%s: %s" % (s.name, "the whole command, timed by the harness" if s.timing == "wall" and
                                  not s.served else "the request, timed by the harness" if s.timing == "wall"
                                  else "as it reports itself (%s)" % s.timing.describe())
                      for s in case.sides()),
            report.ratio_definition(case)))
        print("- quality: %s" % case.quality)
        print("- runs: %d warm-up run(s) per side, then %d repetition(s) alternating the side that goes first "
              "(peer, Tessera, Tessera, peer, ...)" % (warmups, reps))
        if versions:
            print("- packages: %s" % ", ".join("%s %s" % kv for kv in versions.items()))
        if build:
            print("- launcher: %s" % build)
        probes = {}
        if case.python_modules:
            for variant in variants:
                if variant.threads in probes:
                    continue
                runner = open_side(variant, case.peer, self.placeholders(case), self.extra_env["peer"], self.logs)
                probe = machine.probe_python(case.python_modules, runner.env)
                problem = machine.blas_problem(probe)
                if problem:
                    raise MachineError("case %s: %s" % (variant.name, problem))
                probes[variant.threads] = probe
                print("- peer Python modules with %d thread(s): %s; BLAS/OpenMP loaded: %s" % (
                    variant.threads, ", ".join("%s %s" % kv for kv in probe["modules"].items()),
                    machine.blas_summary(probe)))
        first = variants[0]
        for side in case.sides():
            runner = open_side(first, side, self.placeholders(case), self.extra_env[side.role], self.logs)
            shown = list(side.serve or side.command)
            print("- %s %s: `%s`%s%s" % (
                side.role if side.name == side.role else "%s (%s)" % (side.role, side.name),
                "server" if side.served else "command",
                shlex.join(runner.render_command(shown)),
                ", request `%s`" % side.request if side.served else "",
                ", env %s" % " ".join("%s=%s" % kv for kv in runner.env_shown().items())
                if runner.env_shown() else ""))
        print("- (commands as run for `%s`; every variant fills the placeholders of `%s` with its own values)"
              % (first.name, os.path.relpath(case.path, REPO)))
        print(flush=True)

        self.infos_shown = set()
        results_path = os.path.join(self.results, case.name + ".jsonl")
        if self.quick and not self.args.results and os.path.exists(results_path):
            os.remove(results_path)
        rows = []
        for variant in variants:
            record = self.run_variant(case, variant, reps, warmups, versions, build, probes.get(variant.threads))
            report.append_jsonl(self.results, case.name, record)
            rows.append(record)
        print()
        print(report.markdown_table(case, rows))
        print()
        print("Ratio = %s. Quality: %s. JSON lines: `%s`." % (report.ratio_definition(case), case.quality,
                                                             os.path.relpath(results_path, REPO)))
        print(flush=True)

    # ------------------------------------------------------------------------------------------------ a variant

    def _info(self, case, variant, role, runner):
        side = runner.side
        if side.info is not None:
            text = runner.ask(side.info)
        elif role == "tessera" and case.build == "launcher":
            text = runner.ask(("{tessera}", "--threads", "{threads}", "engines", "--json")) \
                if not side.served else self._engines_json(variant)
        else:
            return None
        try:
            return json.loads(text)
        except ValueError:
            return text.strip()

    def _engines_json(self, variant):
        result = subprocess.run([os.path.join(REPO, "tessera"), "--threads", str(variant.threads), "engines",
                                 "--json"], capture_output=True, text=True, stdin=subprocess.DEVNULL)
        return result.stdout

    def _limit(self, case, runners):
        limit = case.limit
        runner = runners[limit.side]
        answer = runner.ask(limit.request if limit.request is not None else limit.command)
        try:
            value = limit.read.read(answer)
        except case_files.ReadError as e:
            raise runner.fail(runner.command, "the limit (%s): %s" % (limit.label, e))
        if not isinstance(value, float):
            raise runner.fail(runner.command, "the limit (%s) is not a number: %r" % (limit.label, value))
        return value

    def run_variant(self, case, variant, reps, warmups, versions, build, probe):
        load_start = list(os.getloadavg())
        # --quick runs tiny inputs: a side that needs minutes is stuck, and CI should hear of it soon.
        timeout = QUICK_TIMEOUT if self.quick else None
        runners = {side.role: open_side(variant, side, self.placeholders(case), self.extra_env[side.role],
                                        self.logs, timeout)
                   for side in case.sides()}
        measured = {"peer": [], "tessera": []}
        limits = []
        infos = {}
        try:
            for runner in runners.values():
                runner.start()
            for role, runner in runners.items():
                infos[role] = self._info(case, variant, role, runner)
            shown = json.dumps(infos, sort_keys=True)
            if shown not in self.infos_shown:  # print what the sides say about themselves once per distinct answer
                self.infos_shown.add(shown)
                print("- what the sides report in `%s` (and in later variants until this list changes):"
                      % variant.name)
                for role in ("peer", "tessera"):
                    if infos[role] is not None:
                        print("  - %s: %s" % (runners[role].side.name, _short(infos[role])))
                sys.stdout.flush()
            warm = {k: case_files.render(str(v), variant.values, case.path) for k, v in case.warmup.items()}
            for w in range(warmups):
                for role in _order(w):
                    runners[role].run(warm)
            if case.limit:
                limits.append(self._limit(case, runners))
            for rep in range(reps):
                for role in _order(rep):
                    measured[role].append(runners[role].run())
                log("  %s rep %d/%d: %s %s, %s %s %s (load %.2f)" % (
                    variant.name, rep + 1, reps, case.peer.name, _fmt(measured["peer"][-1].value),
                    case.tessera.name, _fmt(measured["tessera"][-1].value),
                    "s" if case.metric == "time" else case.unit, os.getloadavg()[0]))
            if case.limit and not self.quick:
                limits.append(self._limit(case, runners))
        finally:
            for runner in runners.values():
                runner.close()

        sides = {}
        for role, runner in runners.items():
            values = [m.value for m in measured[role]]
            qualities = [m.quality for m in measured[role]]
            s = report.summary(values)
            s.update({"name": runner.side.name, "command": runner.shown_command, "env": runner.env_shown(),
                      "info": infos[role], "quality": report.quality_summary(qualities), "qualities": qualities,
                      "wall_seconds": [m.wall for m in measured[role]]})
            sides[role] = s
        limit = None
        if limits:
            best = max(limits) if case.metric == "throughput" else min(limits)
            limit = {"label": case.limit.label, "side": case.limit.side, "values": limits, "value": best,
                     "peer_fraction": report.fraction_of_limit(case, sides["peer"]["median"], best),
                     "tessera_fraction": report.fraction_of_limit(case, sides["tessera"]["median"], best)}
        context = dict(self.context, packages=versions, launcher=build)
        if probe:
            context["peer_python"] = probe
        return {
            "case": case.name, "variant": variant.name, "quick": self.quick,
            "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
            "description": case.description, "threads": variant.threads,
            "params": {k: v for k, v in case_files.values_for(variant, self.placeholders(case)).items()
                       if k in variant.values},
            "metric": case.metric, "unit": "s" if case.metric == "time" else case.unit,
            "quality_label": case.quality, "repetitions": reps, "warmups": warmups,
            "ratio_median": report.ratio(case, sides["peer"], sides["tessera"]),
            "ratio_definition": report.ratio_definition(case),
            "peer": sides["peer"], "tessera": sides["tessera"], "limit": limit,
            "load_start": load_start, "load_end": list(os.getloadavg()), "context": context,
        }


def _order(index):
    """Peer first on even runs, Tessera first on odd ones: neither side always inherits the other's caches."""
    return ("peer", "tessera") if index % 2 == 0 else ("tessera", "peer")


def _fmt(value):
    return "%.4g" % value


def _short(info):
    if isinstance(info, dict):
        return ", ".join("%s=%s" % (k, json.dumps(v) if isinstance(v, (dict, list)) else v) for k, v in info.items())
    return str(info)


def main(argv):
    args = parse_args(argv)
    started = time.perf_counter()
    try:
        cases = load_cases(args.cases_dir)
        selected = select(cases, args.patterns, args.quick, _overrides(args.set))
        if args.list:
            for case, variants in selected:
                print("%s: %s" % (case.name, case.description))
                for v in variants:
                    print("  " + v.name)
            return 0
        Harness(args).run(selected)
    except (CaseError, MachineError, SideFailure) as e:
        print("bench/run: %s" % e, file=sys.stderr, flush=True)
        return 1
    except KeyboardInterrupt:
        print("bench/run: interrupted", file=sys.stderr, flush=True)
        return 130
    log("bench/run: done in %.0f s" % (time.perf_counter() - started))
    return 0
