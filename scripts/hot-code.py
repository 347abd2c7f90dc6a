"""Writes link/hot.ld from callgrind profiles and the linker's map
(scripts/hot-code runs it):

    python3 scripts/hot-code.py BINARY WORK_DIR OUT

WORK_DIR holds map.txt (lld's map of BINARY) and *.cg (callgrind profiles of
BINARY with --dump-instr=yes).
"""

import bisect
import glob
import re
import sys
from collections import Counter

MAP_LINE = re.compile(
    r"\s*([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)\s+\d+\s+\S*:\((\.text\.[^)]+)\)"
)
LEGACY = re.compile(r"^(_ZN.*17h)[0-9a-f]{16}E(\..*)?$")


def input_sections(map_path):
    """Each function's input section in the map: (address, size, name),
    from lines like `127710 127710 5a 16   x.o:(.text._ZN...E)`."""
    sections = []
    for line in open(map_path):
        m = MAP_LINE.match(line)
        if m:
            sections.append((int(m.group(1), 16), int(m.group(2), 16), m.group(3)))
    return sorted(sections)


def sections_run(profiles, binary, sections):
    """The input sections an instruction ran in, and how many instructions
    ran outside any. Callgrind's positions are addresses in the object,
    absolute (0x...) or relative to the line before (+n, -n, *)."""
    starts = [s[0] for s in sections]
    ran, stray = set(), 0
    for path in profiles:
        ours, at = False, 0
        for line in open(path, errors="replace"):
            if line.startswith("ob="):
                ours = line[3:].strip() == binary
                continue
            first = line.split(maxsplit=1)[0] if line.strip() else ""
            if not first or "=" in first:
                continue
            if first.startswith("0x"):
                at = int(first, 16)
            elif first[0] in "+-" and len(first) > 1:
                digits = first[1:]
                delta = int(digits, 16) if digits.startswith("0x") else int(digits)
                at += delta if first[0] == "+" else -delta
            elif first != "*":
                continue
            if not ours:
                continue
            i = bisect.bisect_right(starts, at) - 1
            if i >= 0 and at < sections[i][0] + sections[i][1]:
                ran.add(sections[i][2])
            else:
                stray += 1
    return ran, stray


def symbol(section):
    return re.sub(r"^\.text\.(unlikely\.)?", "", section)


def patterns(ran, sections):
    """Input-section patterns for the functions that ran: `hot` for them,
    `warm` for the other instances of the generic ones among them."""
    paths = Counter(
        m.group(1) for m in (LEGACY.match(symbol(s[2])) for s in sections) if m
    )
    hot, warm = set(), set()
    for name in map(symbol, ran):
        m = LEGACY.match(name)
        if m and paths[m.group(1)] > 1:
            # A generic instance: its own name (the hash is this build's),
            # and the other instances of the function just after the hot
            # ones (they include this one where the hashes have changed).
            hot.add(re.sub(r"\.llvm\.\d+$", "", name) + "*")
            warm.add(m.group(1) + "*")
        elif m:
            # One function of that name: any hash will do.
            hot.add(m.group(1) + "*")
        elif name.startswith("_R"):
            # v0 names (the standard library): any crate disambiguator.
            hot.add(re.sub(r"Cs[0-9A-Za-z]+_", "Cs*_", name) + "*")
        else:
            hot.add(name)
    return hot, warm


def rules(names):
    return "".join(
        f"    *(.text.{p} .text.unlikely.{p})\n" for p in sorted(names)
    )


def main():
    binary, work, out = sys.argv[1:4]
    sections = input_sections(f"{work}/map.txt")
    if not sections:
        sys.exit(f"hot-code: no input sections in {work}/map.txt (not lld's map?)")
    ran, stray = sections_run(glob.glob(f"{work}/*.cg"), binary, sections)
    if len(ran) < 200:
        sys.exit(f"hot-code: only {len(ran)} functions ran; see {work}/*.err")
    hot, warm = patterns(ran, sections)
    with open(out, "w") as f:
        f.write(
            "/* Written by scripts/hot-code: the functions an editing session\n"
            "   runs, linked next to each other in release builds (build.rs). */\n"
            "SECTIONS\n{\n  .text.hot :\n  {\n" + rules(hot) + "  }\n"
            "  .text.warm :\n  {\n" + rules(warm) + "  }\n}\n"
            "INSERT BEFORE .text;\n"
        )
    size = sum(s[1] for s in sections if s[2] in ran)
    print(
        f"hot-code: {len(ran)} functions ran ({size // 1024} KiB; "
        f"{stray} instructions outside them), {len(hot)} + {len(warm)} "
        f"patterns in {out}"
    )


if __name__ == "__main__":
    main()
