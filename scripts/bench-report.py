#!/usr/bin/env python3
"""Writes BENCHMARKS.md (to stdout) from the JSON of scripts/bench-tui: one
compare.py run, labels NAME@PLACE (title, heading, pstart, pend), and the
byte breakdown of scripts/bench-bytes.py."""

import os
import argparse
import json
import shlex

PLACES = {
    "title": "at the end of the title",
    "heading": "at the end of a section heading (一、…)",
    "pstart": "at the start of the longest body paragraph",
    "pend": "at the end of the longest body paragraph",
}
COLUMNS = [  # key, header, format
    ("ttff_ms", "TTFF ms", "{:.2f}"),
    ("ttff_settled_ms", "frame settled ms", "{:.2f}"),
    ("key_p50_ms", "key p50 ms", "{:.3f}"),
    ("key_p95_ms", "key p95 ms", "{:.3f}"),
    ("bytes_per_key", "bytes/key", "{:.0f}"),
    ("rss_peak_mib", "peak RSS MiB", "{:.2f}"),
    ("first_frame_bytes", "first frame bytes", "{:.0f}"),
    ("cpu_ms", "CPU ms/run", "{:.0f}"),
]
RATIOS = ["ttff_settled_ms", "key_p50_ms", "key_p95_ms", "bytes_per_key", "rss_peak_mib"]


def fmt(x, f):
    return "-" if x is None else f.format(x)


def ratio(a, b):
    return "-" if a is None or not b else f"{a / b:.2f}x"


def by_label(doc):
    return {r["label"]: r for r in doc["results"]}


def table(doc):
    rows = ["| command | runs ok | " + " | ".join(h for _, h, _ in COLUMNS) + " |",
            "|---|---|" + "---|" * len(COLUMNS)]
    for r in doc["results"]:
        rows.append(f"| {r['label']} | {r['ok_runs']}/{r['runs']} | "
                    + " | ".join(fmt(r.get(k), f) for k, _, f in COLUMNS) + " |")
    return rows


def ratio_table(doc):
    res = by_label(doc)
    head = ["command"] + [f"{k.replace('_ms', '').replace('_mib', '').replace('ttff_', '')} vs vim"
                          for k in RATIOS]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in doc["results"]:
        name, _, place = r["label"].partition("@")
        if name == "vim":
            continue
        vim = res.get(f"vim@{place}", {})
        rows.append("| " + " | ".join([r["label"]] + [ratio(r.get(k), vim.get(k)) for k in RATIOS]) + " |")
    return rows


def targets(doc, breakdown, echo=None, first=None):
    """The targets of issue 23, for zongjie on the 200k draft in this run:
    key times from the echo run (the character on screen) when there is
    one, and the whole answer's beside them."""
    res = by_label(doc)
    shown = by_label(echo) if echo else {}
    out = ["| target (200k draft, 120x40) | place | this run | met |", "|---|---|---|---|"]

    def row(name, place, value, ok):
        out.append(f"| {name} | {place} | {value} | {'yes' if ok else '**no**'} |")

    for place in PLACES:
        zj, vim = res.get(f"zongjie@{place}"), res.get(f"vim@{place}")
        if not (zj and vim and zj.get("key_p50_ms") and vim.get("key_p50_ms")):
            continue
        runs = [("character on screen", shown)] if shown else []
        runs.append(("whole answer", res))
        for what, results in runs:
            z, v = results.get(f"zongjie@{place}"), results.get(f"vim@{place}")
            if not (z and v and z.get("key_p50_ms") and v.get("key_p50_ms")):
                continue
            for key, limit in (("key_p50_ms", 1.0), ("key_p95_ms", 1.5)):
                r = z[key] / v[key]
                row(f"key {key[4:7]} ({what}) at most {limit}x vim's", place,
                    f"{z[key]:.3f} ms vs {v[key]:.3f} ms ({r:.2f}x)", r <= limit)
        limit = 2 if place == "pstart" else 4
        r = zj["bytes_per_key"] / vim["bytes_per_key"]
        row(f"bytes per key at most {limit}x vim's", place,
            f"{zj['bytes_per_key']:.0f} vs {vim['bytes_per_key']:.0f} ({r:.2f}x)", r <= limit)
    rss = [r["rss_peak_mib"] for r in doc["results"]
           if r["label"].startswith("zongjie@") and r.get("rss_peak_mib")]
    if rss:
        row("peak RSS at most 8 MiB", "all", f"{max(rss):.2f} MiB (the most of the four)", max(rss) <= 8)
    opened = by_label(first) if first else {}
    for size in ("200k", "6k"):
        zj, vim = opened.get(f"zongjie@{size}"), opened.get(f"vim@{size}")
        if not (zj and vim and zj.get("ttff_settled_ms") and vim.get("ttff_settled_ms")):
            continue
        for key, what in (("ttff_ms", "first frame shown"), ("ttff_settled_ms", "first frame settled")):
            r = zj[key] / vim[key]
            row(f"{what} at most vim's", f"open, {size}",
                f"{zj[key]:.2f} ms vs {vim[key]:.2f} ms ({r:.2f}x)", r <= 1)
        if zj.get("rss_peak_mib"):
            row("peak RSS at most 8 MiB, with the draft checked", f"open, {size}",
                f"{zj['rss_peak_mib']:.2f} MiB", zj["rss_peak_mib"] <= 8)
    return out


def breakdown_table(breakdown):
    classes = ["echo", "count", "preview", "outline", "cursor", "style", "other"]
    rows = ["| command | bytes/key | mean | " + " | ".join(classes) + " |", "|---|---|---|" + "---|" * len(classes)]
    for label, b in breakdown.items():
        mean = f"{b['mean']:.0f}" if "mean" in b else ""
        rows.append(f"| {label} | {b['total']:.0f} | {mean} | " + " | ".join(f"{b[c]:.0f}" for c in classes) + " |")
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--command", required=True)
    ap.add_argument("--git", required=True)
    ap.add_argument("--divan")
    ap.add_argument("--previous", help="the report this one replaces: its divan section is kept when no divan run is given")
    ap.add_argument("--bytes")
    ap.add_argument("--long-chars")
    ap.add_argument("--bytes-keys", default="20")
    ap.add_argument("--load", help="the load averages at the start and the end of the run")
    ap.add_argument("--echo-json", help="the same run with each key timed to its character on screen")
    ap.add_argument("--first-json", help="the first-frame run: zongjie and vim opening the 6k and 200k texts")
    ap.add_argument("json", nargs=1)
    a = ap.parse_args()
    doc = json.load(open(a.json[0], encoding="utf-8"))
    breakdown = json.load(open(a.bytes, encoding="utf-8")) if a.bytes else {}
    echo = None
    if a.echo_json and os.path.exists(a.echo_json):
        echo = json.load(open(a.echo_json, encoding="utf-8"))
    first = None
    if a.first_json and os.path.exists(a.first_json):
        first = json.load(open(a.first_json, encoding="utf-8"))
    r0 = doc["results"][0]
    out = [
        "# Benchmarks",
        "",
        "zongjie against `vim -u NONE -n` (and nano where installed), typing at",
        "the same place of the same 200,000-character text, in a pseudo-terminal,",
        "every command interleaved in one run; with the floors: `cat` (the",
        "harness: a raw-mode `cat` echoing the key) and `../shared/bench/rt-hello`",
        "(a bare ratatui + crossterm program). Written by `scripts/bench-tui`; do",
        "not edit.",
        "",
        f"- Date: {doc['when']}; machine: {doc['host']['platform']}, "
        f"{doc['host']['cpus']} CPUs (shared with other work while measured), Python {doc['host']['python']}.",
        *([f"- Machine load (`/proc/loadavg`: 1, 5, 15 minutes) at the start and the end: {a.load}."] if a.load else []),
        f"- zongjie: {a.git}. The draft made with `zongjie import` from",
        "  `../shared/bench/doc-200k.txt` (`gen_doc.py --seed 1`).",
        f"- Command: `{a.command}`.",
        f"- {r0['cols']}x{r0['rows']}, {r0['runs']} runs + 1 warm-up per command, "
        f"{r0['keys_per_run']} keys of `{r0['key']}` per run; medians over runs, key",
        "  latency pooled over all keys. A key's answer ends at 5 ms of quiet.",
        "- TTFF: spawn to the read that shows the title; frame settled: the last",
        "  byte of the first frame. Peak RSS: VmHWM just before quitting.",
        "- Places (the group after `@`): " + "; ".join(f"`{k}` {v}" for k, v in PLACES.items())
        + (f" ({a.long_chars} characters)" if a.long_chars else "") + ".",
        "- zongjie opens at the place (its stored position, put back before",
        "  every run) with `--lang zh`; quit keys Tab Tab `u` Ctrl+Q (undo the",
        "  typing, save, quit: every run starts from the same draft, checked).",
        "  vim: `NGA` at the end of line N; at the paragraph's start `NGf。a`,",
        "  after the item heading's full stop, where zongjie's body starts.",
        "  rt-hello types at the top of its text, `cat` echoes the key.",
        "",
        "Absolute times are noisy on a shared machine; compare within a table.",
        "",
        "## Typing at four places",
        "",
    ]
    out += ["Each key timed to the end of its answer (the whole frame; 5 ms of quiet):", ""]
    out += table(doc) + ["", "Ratios to vim typing at the same place:", ""] + ratio_table(doc) + [""]
    if echo:
        out += ["### The character on screen",
                "",
                "A second run of the same commands, each key timed to the first read",
                "that shows its character (`compare.py --echo char`): the echo a writer",
                "sees. zongjie's terminal-reading thread shows a typed character at the",
                "cursor, and the rest of its row moved along, the moment it reads the",
                "key; the event loop then makes the key's frame (the rows below, counts,",
                "preview, outline), which leaves out what the echo already shows.",
                ""]
        out += table(echo) + ["", "Ratios to vim typing at the same place:", ""] + ratio_table(echo) + [""]
    if first:
        f0 = first["results"][0]
        out += ["## The first frame",
                "",
                f"A third run, {f0['runs']} runs + 1 warm-up per command: zongjie opening the",
                "draft imported from `doc-6k.txt` and `doc-200k.txt` (no stored position:",
                "the outline's first part), vim opening the text, with no wrapper (the",
                "runs above start zongjie through `sh -c cp`, which puts its stored",
                "position back and costs it about 2 ms that vim does not pay). Then",
                f"{f0['keys_per_run']} keys, each after 200 ms of quiet: the check zongjie runs on a",
                "draft just opened (150 ms after the last event) has run before the peak",
                "RSS is read (its frame is the stray bytes).",
                ""]
        out += table(first) + ["", "Ratios to vim opening the same text:", ""] + ratio_table(first) + [""]
    out += ["### Issue 23's targets", ""]
    out += targets(doc, breakdown, echo, first) + [""]
    if breakdown:
        out += ["### What a key's bytes are",
                "",
                f"`scripts/bench-bytes.py`: {a.bytes_keys} keys at each place (not timed), every byte",
                "of each key's answer classified by following the terminal's cursor: the",
                "characters printed into the text typed in (echo; zongjie's editor",
                "pane), on the bottom row (count: zongjie's status bar, vim's mode",
                "line), into the preview and the outline; cursor moves; SGR style",
                "sequences (cursor moves include the scroll region and inserted or",
                "deleted lines that move rows); anything else. Medians per key, and the",
                "mean of all bytes per key (the keys whose text gains a row weigh in it).",
                ""]
        out += breakdown_table(breakdown) + [""]
    argv = " ".join(shlex.quote(x) for x in doc["argv"])
    out += ["Exact command (from `../shared/bench`):", "", "```", f"python3 compare.py {argv}", "```", ""]
    text = ""
    if a.divan and os.path.exists(a.divan):
        text = open(a.divan, encoding="utf-8").read().strip()
    if not text and a.previous and os.path.exists(a.previous):
        # No divan run this time (--no-divan): the last one stays, as it was.
        previous = open(a.previous, encoding="utf-8").read()
        start = previous.find("## In-process (divan")
        if start >= 0:
            end = previous.find("\n## ", start + 1)
            out += [previous[start:end if end >= 0 else len(previous)].strip(), ""]
    if text:
        out += ["## In-process (divan: `cargo bench --bench core --bench editor --bench import --bench check --bench big_field`)", "",
                "Export, load and save of the same drafts; the editor at 120x40 on",
                "ratatui's TestBackend: opening a draft with its first frame, a frame",
                "again, one key typed into the first item's body and its frame;",
                "import of the texts; check of the drafts; one key and its frame at",
                "the start and the end of a 1,000,000-character preamble (big_field,",
                "its `memory:` line the heap the open editor holds against the text).", "",
                "```", text, "```", ""]
    # Figures measured by hand (issue 23: export against iconv, the
    # profile of a key) are kept in benches/*.md and carried over.
    for name in ("where-a-key-goes.md", "whole-process.md"):
        by_hand = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "benches", name)
        if os.path.exists(by_hand):
            out += [open(by_hand, encoding="utf-8").read().strip(), ""]
    print("\n".join(out).rstrip() + "\n")


if __name__ == "__main__":
    main()
