#!/usr/bin/env python3
"""What the bytes of one key are made of: runs a program in a pty (with
../shared/bench/ttff.py's PtyApp), puts the cursor where the benchmark types,
types KEY a few times and classifies every byte each key's answer wrote, by
following the terminal's cursor through it:

  echo     characters printed into the text typed in (zongjie: the editor
           pane; vim: the text rows)
  count    characters printed on the bottom row (status bar: counts, mode)
  preview  characters printed into zongjie's preview pane
  outline  characters printed into zongjie's outline pane
  cursor   cursor moves (CSI H, C, D, A, B, G, d; CR, LF, BS) and rows
           moved (scroll region CSI r, inserted/deleted lines CSI L, M)
  style    SGR sequences (colours, bold, reverse ...)
  other    anything else (cursor show/hide, erase, synchronized output ...)

zongjie's panes are found on its first frame: the outline ends at the first
`┐` of the top row, the preview starts at the row whose box title holds
`--preview-title`. Prints one JSON object (median bytes per key per class)
per --cmd.

BENCH_BYTES_DUMP=1 prints every key's answer on stderr.

  bench-bytes.py --bench-dir ../shared/bench --keys 20 \
      --cmd 'vim=vim -u NONE -n doc.txt' --pre-keys-for vim=3GA ...
"""

import argparse
import json
import os
import re
import statistics
import sys
import time
import unicodedata

CLASSES = ["echo", "count", "preview", "outline", "cursor", "style", "other"]
SEQ = re.compile(rb"\x1b\[([0-9;?<=>]*)([ -/]*)([@-~])|\x1b[PX^_\]].*?(?:\x07|\x1b\\)|\x1b[@-Z\\-_]|[\x00-\x1f\x7f]",
                 re.S)


def width(ch):
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 2
    if unicodedata.combining(ch):
        return 0
    return 1


class Screen:
    """Just enough of a terminal to know where each printed character lands."""

    def __init__(self, cols, rows):
        self.cols, self.rows = cols, rows
        self.x = self.y = 0
        self.grid = [[" "] * cols for _ in range(rows)]

    def feed(self, data, classify=None, counts=None):
        i = 0
        text = data.decode("utf-8", "replace")
        raw = text.encode("utf-8")  # byte counts of the decoded text
        pos = 0
        for m in SEQ.finditer(raw):
            self._print(raw[pos:m.start()], classify, counts)
            self._control(m, counts)
            pos = m.end()
        self._print(raw[pos:], classify, counts)
        return i

    def _print(self, chunk, classify, counts):
        for ch in chunk.decode("utf-8", "replace"):
            w = width(ch)
            if counts is not None:
                counts[classify(self.x, self.y)] += len(ch.encode("utf-8"))
            if 0 <= self.y < self.rows and 0 <= self.x < self.cols:
                self.grid[self.y][self.x] = ch
                if w == 2 and self.x + 1 < self.cols:
                    self.grid[self.y][self.x + 1] = ""
            self.x = min(self.x + w, self.cols - 1 if w == 0 else self.cols)

    def _control(self, m, counts):
        seq = m.group(0)
        n = len(seq)
        kind = "other"
        if seq == b"\r":
            self.x, kind = 0, "cursor"
        elif seq == b"\n":
            self.y, kind = min(self.y + 1, self.rows - 1), "cursor"
        elif seq == b"\x08":
            self.x, kind = max(self.x - 1, 0), "cursor"
        elif m.group(3) is not None and not m.group(2):
            params, final = m.group(1).decode(), m.group(3).decode()
            nums = [int(p) if p.isdigit() else 0 for p in params.split(";")] if params else []
            one = (nums[0] if nums and nums[0] else 1)
            if final in "Hf" and not params.startswith("?"):
                self.y = (nums[0] if nums and nums[0] else 1) - 1
                self.x = (nums[1] if len(nums) > 1 and nums[1] else 1) - 1
                kind = "cursor"
            elif final == "C":
                self.x, kind = self.x + one, "cursor"
            elif final == "D":
                self.x, kind = max(self.x - one, 0), "cursor"
            elif final == "A":
                self.y, kind = max(self.y - one, 0), "cursor"
            elif final == "B":
                self.y, kind = self.y + one, "cursor"
            elif final == "G":
                self.x, kind = one - 1, "cursor"
            elif final == "d":
                self.y, kind = one - 1, "cursor"
            elif final == "r" and not params.startswith("?"):
                # A scroll region homes the cursor; with the lines inserted
                # or deleted in it, it moves rows: counted as cursor moves.
                self.x = self.y = 0
                kind = "cursor"
            elif final in "LM":
                self.x, kind = 0, "cursor"
            elif final == "m":
                kind = "style"
        if counts is not None:
            counts[kind] += n

    def row_text(self, y):
        return "".join(self.grid[y])


def layout(screen, preview_title):
    """A classifier (x, y) -> class from the first frame."""
    top = screen.row_text(0)
    last = screen.rows - 1
    outline_end = top.find("┐") if "┌" in top else -1
    # Column of the character in the row (wide characters take two cells).
    if outline_end >= 0:
        col = 0
        for cell in screen.grid[0]:
            if cell == "┐":
                break
            col += 1
        outline_end = col
    preview_row = None
    if outline_end >= 0:
        for y in range(1, screen.rows):
            if preview_title in screen.row_text(y):
                preview_row = y
                break

    def classify(x, y):
        if y >= last:
            return "count"
        if outline_end >= 0 and x <= outline_end:
            return "outline"
        if preview_row is not None and y >= preview_row:
            return "preview"
        return "echo"

    return classify


def measure(ttff, argv, cfg, keys, preview_title):
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    app = ttff.PtyApp(argv, cfg["cols"], cfg["rows"], env)
    try:
        screen = Screen(cfg["cols"], cfg["rows"])
        if app.wait_for(cfg["marker"].encode(), 0, 10) is None:
            raise SystemExit(f"bench-bytes: {argv[0]} never showed {cfg['marker']!r}")
        app.wait_quiet(0.3, 5, False)
        app.write(ttff.decode_keys(cfg["pre_keys"]))
        app.wait_quiet(0.3, 20, False)
        screen.feed(bytes(app.buf))
        classify = layout(screen, preview_title)
        per_key = []
        key = ttff.decode_keys("中")
        for _ in range(keys):
            start = len(app.buf)
            app.write(key)
            app.wait_quiet(cfg["quiet"], 2, True)
            counts = dict.fromkeys(CLASSES, 0)
            screen.feed(bytes(app.buf[start:]), classify, counts)
            per_key.append(counts)
            if os.environ.get("BENCH_BYTES_DUMP"):
                print(label_of(argv), repr(bytes(app.buf[start:])), file=sys.stderr)
        app.write(ttff.decode_keys(cfg["quit_keys"]))
        app.reap(3)
    finally:
        app.close()
    out = {c: statistics.median(k[c] for k in per_key) for c in CLASSES}
    out["total"] = statistics.median(sum(k.values()) for k in per_key)
    out["mean"] = statistics.mean(sum(k.values()) for k in per_key)
    if os.environ.get("BENCH_BYTES_DEBUG"):
        print(label_of(argv), [sum(k.values()) for k in per_key], file=sys.stderr)
    return out


def label_of(argv):
    return " ".join(argv)[-60:]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench-dir", required=True)
    ap.add_argument("--cmd", action="append", required=True, metavar="LABEL=COMMAND")
    ap.add_argument("--pre-keys-for", action="append", default=[], metavar="LABEL=KEYS")
    ap.add_argument("--quit-keys-for", action="append", default=[], metavar="LABEL=KEYS")
    ap.add_argument("--marker-for", action="append", default=[], metavar="LABEL=TEXT")
    ap.add_argument("--marker", required=True)
    ap.add_argument("--keys", type=int, default=20)
    ap.add_argument("--quiet-ms", type=float, default=5, help="silence that ends a key's answer (default 5, as compare.py)")
    ap.add_argument("--cols", type=int, default=120)
    ap.add_argument("--rows", type=int, default=40)
    ap.add_argument("--preview-title", default="预览")
    a = ap.parse_args()
    sys.dont_write_bytecode = True
    sys.path.insert(0, os.path.abspath(a.bench_dir))
    import shlex
    import ttff

    def pairs(items):
        return dict(x.split("=", 1) for x in items)

    pre, quit_, marker = pairs(a.pre_keys_for), pairs(a.quit_keys_for), pairs(a.marker_for)
    result = {}
    for c in a.cmd:
        label, _, line = c.partition("=")
        cfg = {"cols": a.cols, "rows": a.rows, "marker": marker.get(label, a.marker),
               "pre_keys": pre.get(label, ""), "quit_keys": quit_.get(label, "\\x11"), "quiet": a.quiet_ms / 1000}
        result[label] = measure(ttff, shlex.split(line), cfg, a.keys, a.preview_title)
        time.sleep(0.05)
    json.dump(result, sys.stdout, indent=1, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
