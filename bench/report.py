"""Statistics and the Markdown tables the benchmark prints and writes to RESULTS.md."""

import math
import statistics

COLUMNS = [
    # key, heading, kind
    ("init_s", "init", "time"),
    ("first_answer_s", "first answer", "time"),
    ("first_invocation_s", "first invocation", "time"),
    ("warm_median_s", "warm median", "time"),
    ("warm_p99_s", "warm p99", "time"),
    ("peak_rss_kib", "peak RSS", "rss"),
    ("zip_bytes", "zip size", "bytes"),
]
# Issue 5's targets, judged on the median over the cold starts. MB here is 2^20 bytes, as Lambda counts memory.
TARGETS = {
    "first_answer_s": (1.0, "< 1.0 s"),
    "first_invocation_s": (0.150, "< 150 ms"),
    "warm_median_s": (0.010, "< 10 ms"),
    "peak_rss_kib": (128 * 1024, "< 128 MB"),
    "zip_bytes": (20 * 2**20, "< 20 MB"),
}


# Issue 13's targets for the aot mode, judged on medians from the same run: first answer at most 2.0x the Python
# peer's (goal 1.0x), peak RSS at most 128 MB, warm median no worse than the jvm mode's.
PEER = "python peer"
RATIO_KEYS = [("first_answer_s", "first answer"), ("first_invocation_s", "first invocation"),
              ("warm_median_s", "warm median"), ("warm_p99_s", "warm p99"), ("peak_rss_kib", "peak RSS")]


def median_of(runs, key):
    values = [run.get(key) for run in runs if run.get(key) is not None]
    return statistics.median(values) if values else None


def ratio_table(results):
    """Each mode's medians as multiples of the Python peer's in the same run, and issue 13's targets for aot."""
    if PEER not in results:
        return "Not run: no Python peer (`--peer`)."
    lines = ["| mode | " + " | ".join(heading for _, heading in RATIO_KEYS) + " | issue 13 (aot) |",
             "|---" * (len(RATIO_KEYS) + 2) + "|"]
    for mode, runs in results.items():
        cells = []
        for key, _ in RATIO_KEYS:
            mine, peer = median_of(runs, key), median_of(results[PEER], key)
            cells.append("—" if mine is None or not peer else f"{mine / peer:.2f}×")
        lines.append(f"| {mode} | " + " | ".join(cells) + f" | {aot_verdict(mode, results)} |")
    return "\n".join(lines)


def aot_verdict(mode, results):
    if not mode.startswith("aot"):
        return "—"
    runs, peer = results[mode], results[PEER]
    checks = [("first answer ≤ 2.0× peer", median_of(runs, "first_answer_s") <= 2.0 * median_of(peer, "first_answer_s")),
              ("peak RSS ≤ 128 MB", median_of(runs, "peak_rss_kib") <= 128 * 1024)]
    if "jvm" in results and median_of(results["jvm"], "warm_median_s") is not None:
        checks.append(("warm ≤ jvm", median_of(runs, "warm_median_s") <= median_of(results["jvm"], "warm_median_s")))
    return ", ".join(f"{name} {'✓' if ok else '✗'}" for name, ok in checks)


def p99(values):
    """Nearest-rank 99th percentile: with fewer than 100 values it is the largest."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.99 * len(ordered)) - 1)]


def fmt(value, kind):
    if value is None:
        return "—"
    if kind == "rss":
        return f"{value / 1024:.0f} MB"
    if kind == "bytes":
        return f"{value / 2**20:.1f} MB"
    if value >= 1:
        return f"{value:.2f} s"
    return f"{value * 1000:.0f} ms" if value >= 0.1 else f"{value * 1000:.1f} ms"


def summary_cell(values, key, kind):
    values = [v for v in values if v is not None]
    if not values:
        return "—"
    median = statistics.median(values)
    low, high = min(values), max(values)
    cell = fmt(median, kind)
    if low != high:
        cell += f" ({value_range(fmt(low, kind), fmt(high, kind))})"
    if key in TARGETS:
        cell += " ✓" if median < TARGETS[key][0] else " ✗"
    return cell


def value_range(low, high):
    """"2.37–2.44 s" when both ends share a unit, "890 ms–1.02 s" when not."""
    (low_number, low_unit), (high_number, high_unit) = low.split(" "), high.split(" ")
    return f"{low_number}–{high}" if low_unit == high_unit else f"{low}–{high}"


def summary_table(results):
    """One row per mode: the median over its cold starts, (min–max) after it, ✓/✗ against the target."""
    lines = ["| mode | " + " | ".join(heading for _, heading, _ in COLUMNS) + " |",
             "|---" * (len(COLUMNS) + 1) + "|",
             "| target (issue 5) | " + " | ".join(TARGETS[key][1] if key in TARGETS else "—"
                                                   for key, _, _ in COLUMNS) + " |"]
    for mode, runs in results.items():
        cells = [summary_cell([run.get(key) for run in runs], key, kind) for key, _, kind in COLUMNS]
        lines.append(f"| {mode} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def runs_table(results):
    """Every cold start on its own row, with the startup time Quarkus itself logged."""
    keys = [column for column in COLUMNS if column[0] != "zip_bytes"]
    lines = ["| mode | run | " + " | ".join(h for _, h, _ in keys) + " | Quarkus \"started in\" |",
             "|---" * (len(keys) + 3) + "|"]
    for mode, runs in results.items():
        for number, run in enumerate(runs, 1):
            cells = [fmt(run.get(key), kind) for key, _, kind in keys]
            lines.append(f"| {mode} | {number} | " + " | ".join(cells) + f" | {fmt(run.get('quarkus_started_s'), 'time')} |")
    return "\n".join(lines)


STEPS = ("aws clients", "routes", "secrets", "priming", "then waited")


def breakdown_table(results):
    """Where each mode's init goes, medians: the JVM's creation (with --init-breakdown), what runs before Quarkus's
    own clock starts, Quarkus's start before the function's init, and the function's init line step by step."""
    def cell(runs, value):
        values = [v for v in (value(run) for run in runs) if v is not None]
        return fmt(statistics.median(values), "time") if values else "—"

    def minus(run, whole, *parts):
        values = [run.get(whole)] + [run.get(part) for part in parts]
        return None if any(v is None for v in values) else values[0] - sum(values[1:])

    rows = []
    for mode, runs in results.items():
        if not any("own_init_s" in run for run in runs):
            continue
        vm = any("create_vm_s" in run for run in runs)
        cells = [cell(runs, lambda r: r.get("init_s")),
                 cell(runs, lambda r: r.get("create_vm_s")),
                 cell(runs, lambda r: minus(r, "init_s", "quarkus_started_s", *(("create_vm_s",) if vm else ()))),
                 cell(runs, lambda r: minus(r, "quarkus_started_s", "own_init_s")),
                 cell(runs, lambda r: r.get("own_init_s"))]
        cells += [cell(runs, lambda r, step=step: r.get(f"step {step}")) for step in STEPS]
        rows.append(f"| {mode} | " + " | ".join(cells) + " |")
    if not rows:
        return "Not measured: no function logged its init line."
    return ("Medians. *JVM created* is the JVM's own \"Create VM\" (`--init-breakdown`; in the aot mode it includes "
            "mapping the cache and loading its classes); *before Quarkus* is the rest of init before Quarkus's clock "
            "starts and after it stops (the runtime interface client, loading the handler; the JVM's creation too "
            "when not measured); *Quarkus* is its \"started in\" less the function's init; *function* is the "
            "function's own init line, whose steps follow: the AWS clients, the routes and the secrets run on a "
            "second thread beside the priming, and *then waited* is the main thread waiting for that thread.\n\n"
            "| mode | init | JVM created | before Quarkus | Quarkus | function | " + " | ".join(STEPS) + " |\n"
            + "|---" * (6 + len(STEPS)) + "|\n" + "\n".join(rows))


def plural(count, noun):
    return f"{count} {noun}" + ("" if count == 1 else "s")


def soak_table(results):
    """RSS and live heap before and after the soak of each mode's first process: a leak shows as growth."""
    def mb(kib):
        return "—" if kib is None else f"{kib / 1024:.1f} MB"
    rows = []
    for mode, runs in results.items():
        soak = runs[0].get("soak")
        if soak:
            rows.append(f"| {mode} | {soak['count']:,} | {mb(soak['rss_before_kib'])} → {mb(soak.get('rss_half_kib'))} → {mb(soak['rss_after_kib'])} "
                        f"| {mb(soak['heap_before_kib'])} → {mb(soak['heap_after_kib'])} |")
    if not rows:
        return "Not run (`--soak 0`)."
    return ("Consecutive invocations in the first cold start's process, after its warm burst. RSS is the resident set "
            "(VmRSS); heap is what is live right after a full GC (jcmd; JVM mode only).\n\n"
            "| mode | invocations | RSS before → halfway → after | live heap before → after |\n|---|---|---|---|\n" + "\n".join(rows))


def routes_note(count):
    if not count:
        return "none (`--routes N` adds each function mode again with a routing table of N routes)"
    return (f"each function mode ran twice: without routes, and as `<mode> + {count} routes` with {count} routes in "
            f"SSM (moto; each with a match, groups, a filter and parameters), read at init and cached; the event's "
            f"app matches only the last route by priority, so each event is tried against all {count}, and Connect "
            f"checked that the route's flow arrived")


def markdown(results, context):
    c = context
    artifacts = "\n".join(f"| {z.mode} | `{z.path}` | {z.size:,} | {z.sha256[:12]} | {z.modified} |" for z in c["zips"])
    return f"""# Cold-start benchmark

Written by `bench/run` ([README](README.md)). Regenerate it when a change touches the start path.

- Date: {c["date"]}
- Commit: {c["commit"]}
- Command: `{c["command"]}`
- Machine: {c["machine"]}
- Load average (1 min): {c["load"]}
- JDK: {c["jdk"]}
- JVM flags: `{c["jvm_flags"]}`
- Runs: {plural(c["cold"], "cold start")} per mode, each followed by {plural(c["warm"], "warm invocation")}; the whole run took {c["elapsed"]}
- Event: `{c["event"]}` (a direct deploy event; Connect, Secrets Manager and the Runtime API are loopback stand-ins)
- Python peer: {c.get("peer") or "not run"}; modes alternate, one cold start of each in turn
- CPUs: {f"the function and the peer ran on CPU {c['cpus']} only (`taskset -c {c['cpus']}`)" if c.get("cpus") else "all (`--cpus LIST` pins the function and the peer)"}
- Routes: {routes_note(c.get("routes", 0))}
- Variants: {"; ".join(f"`{v}`" for v in c.get("variants") or []) or "none (`--variant LABEL:KEY=VALUE` runs a function mode again with more environment)"}

## Results

Median over the cold starts, (min–max) after it; ✓ or ✗ against issue 5's targets, judged on the median.
MB is 2^20 bytes.

{summary_table(results)}

## Side by side with the Python peer

Each mode's median as a multiple of the peer's in the same run (absolute times move with machine load; ratios
less so). The JVM flags above are the jvm mode's; the aot mode's bootstrap sets its own (SerialGC, C1, heap 85 %
of the memory, the AOT cache).

{ratio_table(results)}

## Each cold start

{runs_table(results)}

## Where init goes

{breakdown_table(results)}

## A long warm run

{soak_table(results)}

## Artifacts

| mode | zip | bytes | sha256 | modified (UTC) |
|---|---|---|---|---|
{artifacts}
"""
