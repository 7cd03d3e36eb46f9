"""What the harness needs from the machine: the context printed before any figure (date, load, CPU, JDK, BLAS),
the JDK to build and run Java with, Debian packages, and the launcher build."""
import datetime
import glob
import json
import os
import shlex
import subprocess
import time

PYTHON = "/usr/bin/python3"  # Debian's Python: the one whose numpy, scikit-learn and PyTorch are the peers
MIN_JAVA = 21  # the JDK 17 jar tool cannot read the Java 21 module descriptors of our jars
# BLAS libraries that make a peer's figure meaningful; anything else (the reference BLAS) voids the ratio.
FAST_BLAS = ("openblas", "mkl", "blis")


class MachineError(Exception):
    """The machine cannot run a case (no JDK, a package that will not install, a failed build)."""


def output(command, env=None):
    """stdout and stderr of a command, stripped; empty when the program does not exist."""
    try:
        result = subprocess.run(command, capture_output=True, text=True, env=env)
    except FileNotFoundError:
        return ""
    return (result.stdout + result.stderr).strip()


def lscpu():
    fields = {}
    for line in output(["lscpu"]).splitlines():
        if ":" in line:
            key, value = line.split(":", 1)
            fields[key.strip()] = value.strip()
    return fields


def _jdk_major(home):
    try:
        with open(os.path.join(home, "release")) as f:
            for line in f:
                if line.startswith("JAVA_VERSION="):
                    return int(line.split("=", 1)[1].strip().strip('"').split(".")[0])
    except (OSError, ValueError):
        pass
    return 0


def find_jdk():
    """JAVA_HOME when it is a JDK >= 21, else the newest JDK >= 21 under /usr/lib/jvm."""
    home = os.environ.get("JAVA_HOME")
    if home and _jdk_major(home) >= MIN_JAVA and os.path.isfile(os.path.join(home, "bin", "javac")):
        return home
    best = (0, None)
    for home in glob.glob("/usr/lib/jvm/*"):
        if os.path.islink(home) or not os.path.isfile(os.path.join(home, "bin", "javac")):
            continue
        best = max(best, (_jdk_major(home), home))
    if best[0] < MIN_JAVA:
        raise MachineError("no JDK >= %d in JAVA_HOME or under /usr/lib/jvm" % MIN_JAVA)
    return best[1]


def git_revision(repo):
    head = output(["git", "-C", repo, "rev-parse", "--short", "HEAD"])
    if not head or " " in head:
        return "unknown"
    dirty = output(["git", "-C", repo, "status", "--porcelain", "--untracked-files=no"])
    return head + (" (with uncommitted changes)" if dirty else "")


def machine_context(repo, jdk):
    """The context every run starts with, as an ordered dict of short strings."""
    cpu = lscpu()
    flags = cpu.get("Flags", "").split()
    isa = [f for f in ("sse4_2", "avx", "avx2", "fma", "avx512f", "avx512vl", "avx512_bf16", "avx512_fp16",
                       "amx_tile") if f in flags]
    try:
        with open("/sys/kernel/mm/transparent_hugepage/enabled") as f:
            thp = f.read().strip()
    except OSError:
        thp = "unknown"
    java_version = output([os.path.join(jdk, "bin", "java"), "-version"]).splitlines()
    return {
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "uptime": output(["uptime"]),
        "load": list(os.getloadavg()),
        "nproc": os.cpu_count(),
        "usable_cpus": len(os.sched_getaffinity(0)),
        "cpu": "%s (family %s, model %s, stepping %s), %s" % (
            cpu.get("Model name"), cpu.get("CPU family"), cpu.get("Model"), cpu.get("Stepping"),
            "hypervisor " + cpu["Hypervisor vendor"] if "Hypervisor vendor" in cpu else "bare metal"),
        "topology": "%s socket(s) x %s core(s) x %s thread(s)" % (cpu.get("Socket(s)"), cpu.get("Core(s) per socket"),
                                                                 cpu.get("Thread(s) per core")),
        "caches": "L1d %s, L2 %s, L3 %s" % (cpu.get("L1d cache"), cpu.get("L2 cache"), cpu.get("L3 cache")),
        "isa": " ".join(isa),
        "transparent_hugepages": thp,
        "jdk": jdk,
        "java_version": " / ".join(line.strip() for line in java_version),
        "python": output([PYTHON, "--version"]),
        "repository": git_revision(repo),
    }


def installed_version(package):
    out = subprocess.run(["dpkg-query", "-W", "-f=${Status}\t${Version}", package], capture_output=True, text=True)
    if out.returncode != 0:
        return None
    status, _, version = out.stdout.partition("\t")
    return version if status.endswith(" installed") else None


def ensure_packages(packages, log, allow_install=True):
    """Installs the missing Debian packages (apt-get install -y; apt-get update first when one is unknown).
    Returns {package: version}."""
    missing = [p for p in packages if installed_version(p) is None]
    if missing:
        if not allow_install:
            raise MachineError("missing Debian package(s) %s (--no-install given)" % " ".join(missing))
        log("installing %s (apt-get install -y)" % " ".join(missing))
        install = ["apt-get", "install", "-y", "-q", "--no-install-recommends"] + missing
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        first = subprocess.run(install, capture_output=True, text=True, env=env)
        if first.returncode != 0:
            log("apt-get install failed (%s); running apt-get update first" % tail(first.stderr))
            update = subprocess.run(["apt-get", "update", "-q"], capture_output=True, text=True, env=env)
            if update.returncode != 0:
                raise MachineError("apt-get update failed: %s" % tail(update.stderr))
            second = subprocess.run(install, capture_output=True, text=True, env=env)
            if second.returncode != 0:
                raise MachineError("apt-get install -y %s failed: %s" % (" ".join(missing), tail(second.stderr)))
    versions = {p: installed_version(p) for p in packages}
    still = [p for p, v in versions.items() if v is None]
    if still:
        raise MachineError("package(s) %s still not installed after apt-get install" % " ".join(still))
    return versions


def tail(text):
    """The last non-blank line of a tool's output, for one-line errors."""
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "no output"


PROBE = r"""
import importlib, json, sys
found = {}
for name in sys.argv[1:]:
    module = importlib.import_module(name)
    found[name] = getattr(module, "__version__", "?")
    if name == "torch":
        found["torch_threads"] = module.get_num_threads()
blas = []
try:
    import threadpoolctl
    for i in threadpoolctl.threadpool_info():
        blas.append({k: i.get(k) for k in ("user_api", "internal_api", "version", "architecture", "num_threads",
                                            "threading_layer", "filepath")})
except ImportError:
    blas = None
print(json.dumps({"modules": found, "blas": blas}))
"""


def probe_python(modules, env):
    """Imports the peer's Python modules under the variant's environment and asks threadpoolctl which BLAS and
    OpenMP libraries they actually loaded, with how many threads."""
    result = subprocess.run([PYTHON, "-c", PROBE] + list(modules), capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise MachineError("cannot import %s with %s: %s" % (", ".join(modules), PYTHON, tail(result.stderr)))
    return json.loads(result.stdout)


def blas_summary(probe):
    if probe["blas"] is None:
        return "unknown (python3-threadpoolctl is not installed)"
    if not probe["blas"]:
        return "none loaded"
    return "; ".join("%s %s %s %s, %s thread(s) (%s)" % (
        b["user_api"], b["internal_api"], b["version"] or "", b["architecture"] or "", b["num_threads"],
        b["filepath"]) for b in probe["blas"])


def blas_problem(probe):
    """A one-line reason why the loaded BLAS voids the comparison, or None."""
    if probe["blas"] is None:
        return None
    blas = [b for b in probe["blas"] if b["user_api"] == "blas"]
    slow = [b for b in blas if b["internal_api"] not in FAST_BLAS]
    if slow:
        return ("the peer loads the reference BLAS (%s): install libopenblas0-pthread, or the ratio is void"
                % ", ".join(b["filepath"] for b in slow))
    return None


def build_launcher(repo, jdk):
    """Runs ./tessera --version, which builds build/launcher/ first when it is missing or stale. Returns
    (version line, seconds)."""
    command = [os.path.join(repo, "tessera"), "--version"]
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=dict(os.environ, JAVA_HOME=jdk),
                            stdin=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise MachineError("the launcher build failed (%s): %s" % (shlex.join(command), tail(result.stderr)))
    return result.stdout.strip().splitlines()[0], seconds
