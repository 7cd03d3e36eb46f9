"""Benchmark cases: TOML files under bench/cases/, each expanded into named variants (one per thread count and
matrix point). The format is documented in bench/README.md; this module validates it and fails with one line
naming the file and key."""
import dataclasses
import itertools
import json
import re
import shlex

try:
    import tomllib
except ImportError:  # Python < 3.11
    raise SystemExit("bench/run: needs Python >= 3.11 (tomllib); run it with Debian's /usr/bin/python3")

METRICS = ("time", "throughput")
THREAD_COUNTS = [1, 2]
PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}")
CASE_KEYS = {"description", "metric", "unit", "quality", "apt", "python_modules", "setup", "build", "requires",
             "repetitions", "warmups", "timeout", "name", "params", "matrix", "warmup", "quick", "peer", "tessera",
             "limit"}
SIDE_KEYS = {"name", "command", "serve", "request", "env", "timing", "quality", "info"}
READER_KEYS = {"json", "regex", "scale"}
LIMIT_KEYS = {"label", "side", "command", "request", "read"}
BUILDS = ("none", "launcher")


class CaseError(Exception):
    """A case file that cannot be used; the message is one line naming the file and the key."""


class ReadError(Exception):
    """A figure that could not be read from a side's output."""


@dataclasses.dataclass(frozen=True)
class Reader:
    """How to read one number (or word) from a side's output: a JSON key path or a regular expression."""
    kind: str  # "json" or "regex"
    expression: str
    scale: float = 1.0

    def describe(self):
        text = "%s %s" % (self.kind, self.expression)
        return text if self.scale == 1.0 else "%s, x %g" % (text, self.scale)

    def read(self, stdout, stderr=""):
        """The figure as a float (scaled) when it is numeric, else as the string found; ReadError if absent."""
        raw = self._json(stdout) if self.kind == "json" else self._regex(stdout, stderr)
        if isinstance(raw, bool) or raw is None:
            return raw
        try:
            return float(raw) * self.scale
        except (TypeError, ValueError):
            return raw if isinstance(raw, str) else json.dumps(raw, sort_keys=True)

    def _json(self, stdout):
        documents = []
        try:
            documents.append(json.loads(stdout))
        except ValueError:
            # Not one document: look for the key in the JSON-object lines, the last one first.
            for line in reversed(stdout.splitlines()):
                line = line.strip()
                if line.startswith("{"):
                    try:
                        documents.append(json.loads(line))
                    except ValueError:
                        pass
        for document in documents:
            found, value = _lookup(document, self.expression)
            if found:
                return value
        raise ReadError("no JSON key '%s' in the output" % self.expression)

    def _regex(self, stdout, stderr):
        for text in (stdout, stderr):
            matches = list(re.finditer(self.expression, text, re.MULTILINE))
            if matches:
                last = matches[-1]
                return last.group(1) if last.groups() else last.group(0)
        raise ReadError("no match for /%s/ in the output" % self.expression)


def _lookup(document, path):
    value = document
    for part in path.split("."):
        if isinstance(value, dict) and part in value:
            value = value[part]
        elif isinstance(value, list) and part.lstrip("-").isdigit() and -len(value) <= int(part) < len(value):
            value = value[int(part)]
        else:
            return False, None
    return True, value


@dataclasses.dataclass(frozen=True)
class Side:
    """One side of a comparison: a command run per repetition, or a server asked once per repetition."""
    role: str  # "peer" or "tessera"
    name: str
    command: tuple = None  # run once per repetition (whole-command mode)
    serve: tuple = None  # started once per variant, then sent `request` per repetition (server mode)
    request: str = None
    env: tuple = ()  # (key, value) pairs
    timing: object = "wall"  # "wall" or a Reader of the side's own figure
    quality: Reader = None
    info: object = None  # a command (tuple) or, for a server, a request (str); its output goes in the context

    @property
    def served(self):
        return self.serve is not None


@dataclasses.dataclass(frozen=True)
class Limit:
    """The machine's ceiling in the case's unit, measured by one side (e.g. a register-only FMA loop)."""
    label: str
    side: str
    command: tuple = None
    request: str = None
    read: Reader = None


@dataclasses.dataclass(frozen=True)
class Variant:
    """One runnable comparison: a case at one matrix point, with every placeholder value fixed."""
    case: "Case"
    name: str
    values: dict  # matrix point and params, by name (threads included)

    @property
    def threads(self):
        return int(self.values["threads"])


@dataclasses.dataclass(frozen=True)
class Case:
    """A parsed case file."""
    name: str
    path: str
    description: str
    metric: str
    unit: str
    quality: str
    apt: tuple
    python_modules: tuple
    setup: tuple  # commands, each a tuple
    build: str
    requires: tuple
    repetitions: int
    warmups: int
    timeout: float
    variant_name: str
    params: dict
    matrix: dict  # name -> list of values, in the file's order; always has "threads"
    warmup: dict  # params overridden during warm-up runs
    quick: dict  # params or matrix values overridden by --quick
    peer: Side
    tessera: Side
    limit: Limit

    def sides(self):
        return (self.peer, self.tessera)

    def variants(self, quick=False, overrides=None):
        """The variants in matrix order. `overrides` maps a matrix or param name to a list of values."""
        matrix = dict(self.matrix)
        params = dict(self.params)
        for source in ((self.quick if quick else {}), overrides or {}):
            for key, value in source.items():
                if key in matrix:
                    matrix[key] = list(value) if isinstance(value, (list, tuple)) else [value]
                elif key in params:
                    if isinstance(value, (list, tuple)):
                        if len(value) != 1:
                            raise CaseError("%s: '%s' is a parameter, not a matrix dimension: give one value"
                                            % (self.path, key))
                        value = value[0]
                    params[key] = value
                else:
                    raise CaseError("%s: no parameter or matrix dimension named '%s' (known: %s)"
                                    % (self.path, key, ", ".join(sorted(set(matrix) | set(params)))))
        variants = []
        keys = list(matrix)
        for point in itertools.product(*(matrix[k] for k in keys)):
            values = dict(params)
            values.update(zip(keys, point))
            name = render(self.variant_name, values, self.path + ": name")
            variants.append(Variant(self, name, values))
        return variants


def _fail(path, key, message):
    raise CaseError("%s: %s: %s" % (path, key, message))


def _expect(path, key, value, kinds, what):
    if not isinstance(value, kinds) or isinstance(value, bool) and bool not in _tuple(kinds):
        _fail(path, key, "expected %s, got %r" % (what, value))
    return value


def _tuple(kinds):
    return kinds if isinstance(kinds, tuple) else (kinds,)


def _command(path, key, value):
    """A command is a list of strings (no shell); a string is split like a shell would."""
    if isinstance(value, str):
        value = shlex.split(value)
    if not isinstance(value, list) or not value or not all(isinstance(v, (str, int, float)) for v in value):
        _fail(path, key, "expected a command: a non-empty list of strings")
    return tuple(str(v) for v in value)


def _reader(path, key, value):
    if not isinstance(value, dict):
        _fail(path, key, "expected { json = \"key.path\" } or { regex = '...' }")
    unknown = set(value) - READER_KEYS
    if unknown:
        _fail(path, key, "unknown key(s) %s (known: json, regex, scale)" % ", ".join(sorted(unknown)))
    kinds = [k for k in ("json", "regex") if k in value]
    if len(kinds) != 1:
        _fail(path, key, "give exactly one of json or regex")
    expression = _expect(path, key + "." + kinds[0], value[kinds[0]], str, "a string")
    if kinds[0] == "regex":
        try:
            compiled = re.compile(expression)
        except re.error as e:
            _fail(path, key + ".regex", "not a regular expression: %s" % e)
        if compiled.groups > 1:
            _fail(path, key + ".regex", "use at most one capturing group (the figure)")
    scale = _expect(path, key + ".scale", value.get("scale", 1.0), (int, float), "a number")
    return Reader(kinds[0], expression, float(scale))


def _side(path, role, table):
    if not isinstance(table, dict):
        _fail(path, role, "expected a table [%s]" % role)
    unknown = set(table) - SIDE_KEYS
    if unknown:
        _fail(path, role, "unknown key(s) %s (known: %s)" % (", ".join(sorted(unknown)), ", ".join(sorted(SIDE_KEYS))))
    if ("command" in table) == ("serve" in table):
        _fail(path, role, "give exactly one of command (run per repetition) or serve (a server asked per repetition)")
    served = "serve" in table
    if served and "request" not in table:
        _fail(path, role + ".request", "a server side needs the request line it is sent per repetition")
    if not served and "request" in table:
        _fail(path, role + ".request", "only a server side (serve = [...]) takes requests")
    timing = table.get("timing", "wall")
    if timing != "wall":
        timing = _reader(path, role + ".timing", timing)
    env = _expect(path, role + ".env", table.get("env", {}), dict, "a table of strings")
    info = table.get("info")
    if info is not None:
        info = _expect(path, role + ".info", info, str, "a request line") if served else _command(path, role + ".info", info)
    return Side(
        role=role,
        name=_expect(path, role + ".name", table.get("name", role), str, "a string"),
        command=None if served else _command(path, role + ".command", table["command"]),
        serve=_command(path, role + ".serve", table["serve"]) if served else None,
        request=_expect(path, role + ".request", table["request"], str, "a string") if served else None,
        env=tuple((str(k), str(v)) for k, v in env.items()),
        timing=timing,
        quality=_reader(path, role + ".quality", table["quality"]) if "quality" in table else None,
        info=info)


def _uses_threads(side):
    texts = list(side.command or side.serve) + [side.request or ""] + [v for _, v in side.env]
    return any("{threads}" in t for t in texts)


def load(path, name):
    """Parses and validates one case file; raises CaseError with one line naming the file and key."""
    try:
        with open(path, "rb") as f:
            doc = tomllib.load(f)
    except tomllib.TOMLDecodeError as e:
        raise CaseError("%s: not valid TOML: %s" % (path, e))
    unknown = set(doc) - CASE_KEYS
    if unknown:
        _fail(path, ", ".join(sorted(unknown)), "unknown key (known: %s)" % ", ".join(sorted(CASE_KEYS)))
    for key in ("description", "metric", "unit", "peer", "tessera"):
        if key not in doc:
            _fail(path, key, "missing")
    metric = doc["metric"]
    if metric not in METRICS:
        _fail(path, "metric", "expected one of %s, got %r" % (", ".join(METRICS), metric))
    build = doc.get("build", "none")
    if build not in BUILDS:
        _fail(path, "build", "expected one of %s, got %r" % (", ".join(BUILDS), build))

    params = _expect(path, "params", doc.get("params", {}), dict, "a table")
    matrix = {}
    for key, values in _expect(path, "matrix", doc.get("matrix", {}), dict, "a table").items():
        if not isinstance(values, list) or not values:
            _fail(path, "matrix." + key, "expected a non-empty list of values")
        matrix[key] = values
    if "threads" not in matrix:
        matrix["threads"] = list(THREAD_COUNTS)  # both thread counts unless the case says otherwise
    for t in matrix["threads"]:
        if isinstance(t, bool) or not isinstance(t, int) or t < 1:
            _fail(path, "matrix.threads", "expected positive integers, got %r" % t)
    clash = set(params) & set(matrix)
    if clash:
        _fail(path, "params", "%s also in [matrix]" % ", ".join(sorted(clash)))
    warmup = _expect(path, "warmup", doc.get("warmup", {}), dict, "a table")
    quick = _expect(path, "quick", doc.get("quick", {}), dict, "a table")
    for section, table in (("warmup", warmup), ("quick", quick)):
        for key in table:
            if key not in params and not (section == "quick" and key in matrix):
                _fail(path, section + "." + key, "not a parameter%s of this case" % (
                    " or matrix dimension" if section == "quick" else ""))

    peer = _side(path, "peer", doc["peer"])
    tessera = _side(path, "tessera", doc["tessera"])
    for side in (peer, tessera):
        if not _uses_threads(side):
            _fail(path, side.role, "never uses {threads}: pin its threads in its command, request or env "
                                   "(e.g. --threads {threads}, workers={threads})")
    if metric == "throughput":
        for side in (peer, tessera):
            if side.timing == "wall":
                _fail(path, side.role + ".timing", "a throughput case needs each side to report its figure "
                                                   "(timing = { json = ... } or { regex = ... })")

    limit = None
    if "limit" in doc:
        table = _expect(path, "limit", doc["limit"], dict, "a table")
        unknown = set(table) - LIMIT_KEYS
        if unknown:
            _fail(path, "limit", "unknown key(s) %s" % ", ".join(sorted(unknown)))
        side_role = table.get("side", "tessera")
        if side_role not in ("peer", "tessera"):
            _fail(path, "limit.side", "expected peer or tessera")
        side = peer if side_role == "peer" else tessera
        if side.served != ("request" in table) or ("command" in table) == ("request" in table):
            _fail(path, "limit", "give request (when that side is a server) or command (when it is not)")
        if "read" not in table:
            _fail(path, "limit.read", "missing")
        limit = Limit(label=_expect(path, "limit.label", table.get("label", "machine limit"), str, "a string"),
                      side=side_role,
                      command=_command(path, "limit.command", table["command"]) if "command" in table else None,
                      request=_expect(path, "limit.request", table.get("request"), (str, type(None)), "a string"),
                      read=_reader(path, "limit.read", table["read"]))

    default_name = name + "".join("-%s{%s}" % (k, k) for k in matrix if k != "threads") + "-t{threads}"
    repetitions = _expect(path, "repetitions", doc.get("repetitions", 5), int, "an integer")
    if repetitions < 5:
        _fail(path, "repetitions", "at least 5 (shared/docs/BENCHMARKS.md), got %d" % repetitions)
    return Case(
        name=name, path=path,
        description=_expect(path, "description", doc["description"], str, "a string"),
        metric=metric,
        unit=_expect(path, "unit", doc["unit"], str, "a string"),
        quality=_expect(path, "quality", doc.get("quality", "quality"), str, "a string"),
        apt=tuple(_expect(path, "apt", doc.get("apt", []), list, "a list of Debian package names")),
        python_modules=tuple(_expect(path, "python_modules", doc.get("python_modules", []), list,
                                     "a list of module names")),
        setup=tuple(_command(path, "setup", c) for c in _expect(path, "setup", doc.get("setup", []), list,
                                                                   "a list of commands")),
        build=build,
        requires=tuple(_expect(path, "requires", doc.get("requires", []), list, "a list of paths")),
        repetitions=repetitions,
        warmups=_expect(path, "warmups", doc.get("warmups", 1), int, "an integer"),
        timeout=float(_expect(path, "timeout", doc.get("timeout", 900), (int, float), "seconds")),
        variant_name=_expect(path, "name", doc.get("name", default_name), str, "a string"),
        params=params, matrix=matrix, warmup=warmup, quick=quick,
        peer=peer, tessera=tessera, limit=limit)


def values_for(variant, placeholders):
    """The placeholder values of a variant: the harness's own ({repo}, {data}, {python}, ...) and the variant's
    parameters, whose strings may themselves use placeholders (corpus = "{data}/imdb/train.tsv.gz")."""
    values = dict(placeholders)
    values.update(variant.values)
    where = variant.case.path + ": parameter"
    for _ in range(3):  # a few levels of parameters referring to parameters
        values = {k: render(v, values, where) if isinstance(v, str) else v for k, v in values.items()}
    return values


def render(template, values, where):
    """Replaces {name} by values[name]; {{ and }} stand for braces. An unknown name is a CaseError."""
    def substitute(match):
        if match.group(0) in ("{{", "}}"):
            return match.group(0)[0]
        key = match.group(1)
        if key not in values:
            raise CaseError("%s: unknown placeholder {%s} (known: %s)" % (where, key, ", ".join(sorted(values))))
        return str(values[key])
    return PLACEHOLDER.sub(substitute, template)
