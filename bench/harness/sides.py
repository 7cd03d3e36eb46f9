"""Running one side of a variant: a whole command per repetition, or a long-lived server asked per repetition.

Either way a run gives a Measurement: the figure in the case's unit (the harness's wall clock, or what the side
reports about itself) and the side's quality figure. Anything that goes wrong raises SideFailure, whose message is
the one line the harness exits with."""
import dataclasses
import os
import queue
import shlex
import subprocess
import threading
import time

from .cases import ReadError, render, values_for

# Every thread-count variable that a BLAS or OpenMP runtime reads; set on both sides so that neither forgets.
THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS",
                    "NUMEXPR_NUM_THREADS", "VECLIB_MAXIMUM_THREADS")


class SideFailure(Exception):
    """A side that failed: the message names the variant, the side and the command on one line."""

    def __init__(self, variant, side, command, reason, log=None):
        where = " (log: %s)" % _shown_path(log) if log else ""
        message = "case %s, side %s (%s): %s; command: %s%s" % (
            variant.name, side.role, side.name, reason, shlex.join(command), where)
        super().__init__(message.replace("\r", "\\r").replace("\n", "\\n"))  # one line, always


@dataclasses.dataclass
class Measurement:
    value: object  # float in the case's unit
    quality: object  # float, string or None
    wall: float  # seconds on the harness's clock


def thread_env(threads):
    return {name: str(threads) for name in THREAD_VARIABLES}


def _shown_path(path):
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def _last_line(text):
    # The JVM's notice about the Vector API module says nothing about a failure.
    lines = [line.strip() for line in text.splitlines()
             if line.strip() and not line.startswith("WARNING: Using incubator modules")]
    return lines[-1][:300] if lines else ""


class _SideRunner:
    def __init__(self, variant, side, placeholders, extra_env, log_dir, timeout=None):
        self.variant = variant
        self.side = side
        self.values = values_for(variant, placeholders)
        self.where = "%s [%s]" % (variant.case.path, side.role)
        self.env = dict(os.environ)
        self.env.update(thread_env(variant.threads))
        for key, value in side.env:
            self.env[key] = self.render(value)
        self.env.update(extra_env)
        self.log = os.path.join(log_dir, "%s.%s.log" % (variant.name, side.role))
        self.timeout = variant.case.timeout if timeout is None else min(timeout, variant.case.timeout)

    def render(self, template, overrides=None):
        values = self.values if not overrides else dict(self.values, **overrides)
        return render(template, values, self.where)

    def render_command(self, command, overrides=None):
        return [self.render(part, overrides) for part in command]

    def env_shown(self):
        """The variables this side gets beyond the harness's own environment, for the context."""
        return {k: v for k, v in self.env.items() if os.environ.get(k) != v}

    def fail(self, command, reason):
        return SideFailure(self.variant, self.side, command, reason, self.log)

    def measurement(self, command, stdout, stderr, wall):
        side = self.side
        try:
            value = wall if side.timing == "wall" else side.timing.read(stdout, stderr)
            if not isinstance(value, float):
                raise ReadError("its figure is not a number: %r" % (value,))
            quality = side.quality.read(stdout, stderr) if side.quality else None
        except ReadError as e:
            raise self.fail(command, "%s (output: %r)" % (e, _last_line(stdout) or _last_line(stderr)))
        return Measurement(value, quality, wall)


class CommandSide(_SideRunner):
    """Runs the side's command once per repetition and times the whole process."""

    def start(self):
        self.command = self.render_command(self.side.command)
        with open(self.log, "w") as f:
            f.write("# %s\n" % shlex.join(self.command))

    def _run(self, command):
        start = time.perf_counter()
        try:
            result = subprocess.run(command, env=self.env, capture_output=True, text=True, timeout=self.timeout,
                                    stdin=subprocess.DEVNULL)
        except FileNotFoundError:
            raise self.fail(command, "program not found")
        except subprocess.TimeoutExpired:
            raise self.fail(command, "no result within %g s" % self.timeout)
        wall = time.perf_counter() - start
        with open(self.log, "a") as f:
            f.write("$ %s\n%s%s[exit %d, %.3f s]\n" % (shlex.join(command), result.stdout, result.stderr,
                                                      result.returncode, wall))
        if result.returncode != 0:
            raise self.fail(command, "exited with status %d: %s" % (
                result.returncode, _last_line(result.stderr) or _last_line(result.stdout)))
        return result.stdout, result.stderr, wall

    def run(self, overrides=None):
        command = self.render_command(self.side.command, overrides)
        stdout, stderr, wall = self._run(command)
        return self.measurement(command, stdout, stderr, wall)

    def ask(self, request_or_command, overrides=None):
        """Runs an extra command (info, limit) and returns its stdout."""
        command = self.render_command(request_or_command, overrides)
        return self._run(command)[0]

    @property
    def shown_command(self):
        return self.command

    def close(self):
        pass


class ServerSide(_SideRunner):
    """Starts the side's server once per variant and sends it one request line per repetition; each answer is
    one line. The wall time is the round trip of the request."""

    def start(self):
        self.command = self.render_command(self.side.serve)
        self.errors = open(self.log, "w")
        self.errors.write("# %s\n" % shlex.join(self.command))
        self.errors.flush()
        try:
            self.proc = subprocess.Popen(self.command, env=self.env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=self.errors, text=True, bufsize=1)
        except FileNotFoundError:
            self.errors.close()
            raise self.fail(self.command, "program not found")
        self.lines = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self):
        for line in self.proc.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def _log_tail(self):
        self.errors.flush()
        with open(self.log) as f:
            return _last_line(f.read())

    def ask(self, request, overrides=None):
        """Sends one request line and returns the answer line."""
        line = self.render(request, overrides)
        shown = self.command + ["<<<", line]
        start = time.perf_counter()
        try:
            self.proc.stdin.write(line + "\n")
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError):
            pass  # the process is gone; reading says so below
        try:
            answer = self.lines.get(timeout=self.timeout)
        except queue.Empty:
            raise self.fail(shown, "no answer within %g s" % self.timeout)
        self.last_wall = time.perf_counter() - start
        if answer is None:
            status = self.proc.wait()
            raise self.fail(shown, "the server exited with status %s: %s" % (status, self._log_tail()))
        answer = answer.strip()
        if answer.startswith("error"):
            raise self.fail(shown, "the server answered: %s" % answer[:300])
        return answer

    def run(self, overrides=None):
        answer = self.ask(self.side.request, overrides)
        shown = self.command + ["<<<", self.render(self.side.request, overrides)]
        return self.measurement(shown, answer, "", self.last_wall)

    @property
    def shown_command(self):
        return self.command + ["<<<", self.render(self.side.request)]

    def close(self):
        if getattr(self, "proc", None) is None:
            return
        try:
            self.proc.stdin.close()  # a server ends when its input does
        except OSError:
            pass
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.errors.close()
        self.proc = None


def open_side(variant, side, placeholders, extra_env, log_dir, timeout=None):
    """A runner for one side of a variant (not started yet); `timeout` caps the case's own."""
    return (ServerSide if side.served else CommandSide)(variant, side, placeholders, extra_env, log_dir, timeout)
