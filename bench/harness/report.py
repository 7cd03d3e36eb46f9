"""Summaries of a variant's repetitions, the Markdown table and the JSON lines of bench/results/."""
import json
import os
import statistics


def summary(values):
    return {"min": min(values), "median": statistics.median(values), "max": max(values), "values": values}


def ratio(case, peer, tessera):
    """Tessera's speed relative to the peer, from the medians; > 1 means Tessera is faster."""
    if case.metric == "time":
        return peer["median"] / tessera["median"] if tessera["median"] > 0 else float("inf")
    return tessera["median"] / peer["median"] if peer["median"] > 0 else float("inf")


def ratio_definition(case):
    if case.metric == "time":
        return "peer median time / Tessera median time (> 1: Tessera faster)"
    return "Tessera median %s / peer median %s (> 1: Tessera faster)" % (case.unit, case.unit)


def fraction_of_limit(case, value, limit):
    """How much of the machine's limit a side reaches (for a time metric the limit is the shortest time)."""
    if not limit:
        return None
    return value / limit if case.metric == "throughput" else limit / value


def quality_summary(qualities):
    """The median when every repetition gave a number, otherwise the last figure."""
    known = [q for q in qualities if q is not None]
    if not known:
        return None
    if all(isinstance(q, float) for q in known):
        return statistics.median(known)
    return known[-1]


def _number(x):
    if x is None:
        return "—"
    if isinstance(x, float):
        if x == 0 or 0.01 <= abs(x) < 100000:
            return "%.4g" % x if abs(x) < 10 else "%.1f" % x
        return "%.3g" % x
    return str(x)


def _spread(s):
    return "%s / **%s** / %s" % (_number(s["min"]), _number(s["median"]), _number(s["max"]))


def markdown_table(case, rows):
    """One row per variant: each side's min / median / max, the median ratio, each side's quality figure."""
    peer, tessera = case.peer.name, case.tessera.name
    unit = "s" if case.metric == "time" else case.unit
    header = ["variant", "threads",
              "%s %s min / med / max" % (peer, unit),
              "%s %s min / med / max" % (tessera, unit),
              "ratio (median)",
              "%s quality" % peer, "%s quality" % tessera]
    with_limit = any(r.get("limit") for r in rows)
    if with_limit:
        header += ["%% of limit (%s / %s)" % (peer, tessera)]
    header += ["load"]  # the 1-minute load average before and after the variant: how shared the cores were
    lines = ["| " + " | ".join(header) + " |",
             "|" + "|".join("---:" if i else "---" for i in range(len(header))) + "|"]
    for r in rows:
        cells = [r["variant"], str(r["threads"]), _spread(r["peer"]), _spread(r["tessera"]),
                 "**%.2f**" % r["ratio_median"], _number(r["peer"]["quality"]), _number(r["tessera"]["quality"])]
        if with_limit:
            limit = r.get("limit")
            cells.append("%.0f %% / %.0f %%" % (100 * limit["peer_fraction"], 100 * limit["tessera_fraction"])
                         if limit else "—")
        cells.append("%.1f → %.1f" % (r["load_start"][0], r["load_end"][0]))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def append_jsonl(directory, case_name, record):
    os.makedirs(directory, exist_ok=True)
    path = os.path.join(directory, case_name + ".jsonl")
    with open(path, "a") as f:
        f.write(json.dumps(record, sort_keys=False) + "\n")
    return path
