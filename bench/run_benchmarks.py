#!/usr/bin/env python3
"""Earmark's benchmarks, each against a floor measured in the same run.

  bench/run_benchmarks.py import  [--build build] [--runs 3] [--sizes 25000,50000,100000,400000]
  bench/run_benchmarks.py search  [--build build] [--repeats 30]
  bench/run_benchmarks.py open    [--build build] [--runs 5]
  bench/run_benchmarks.py patterns [--build build] [--runs 3]

import: generates 25k, 50k, 100k and 400k calls as CSV, imports each into a fresh workspace
        with `earmark-cli import`, and times the floor (the sqlite3 shell's .import of
        the same file into a plain table plus an FTS5 index over the notes). Reports
        median wall time and peak RSS per size.
search: generates a 100k-call workspace (with answers and quotes) and runs
        earmark-bench-search on it.
open:   opens that workspace in the real window (offscreen) until the call list is
        first painted, beside an empty workspace; one process per measurement.
patterns: groups 100k and 500k generated quotes (earmark-bench-patterns build) beside the
        floor of reading the same texts into terms; one call's quotes regrouped in a built
        index; and in workspaces: mining a 100k-call workspace end to end (read, group,
        label, save) and saving single calls in a 10k-call workspace through a pattern
        session, as the window does. Medians of --runs processes.
Work files go to bench/out/ (ignored by git).
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", "out")

FLOOR_SQL = """.import --csv {csv} calls
CREATE VIRTUAL TABLE calls_fts USING fts5(notes, content='calls', tokenize='porter unicode61 remove_diacritics 2');
INSERT INTO calls_fts(calls_fts) VALUES ('rebuild');
"""


# The schema's own cost: the same customers, personal data and calls written into
# Earmark's schema by set-based SQL in the sqlite3 shell, with no application code.
SCHEMA_SQL = """PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-32768;
.read {schema}
INSERT INTO segments(uuid, key, name, builtin) VALUES ('s1', 'recent_buyer', 'Recent buyer', 1);
ATTACH '{floor}' AS f;
BEGIN;
UPDATE search_control SET calls_from = 1, answers_from = 1, quotes_from = 1;
INSERT INTO customers(uuid, first_name, city, segment_id, value_tier, created_at)
  SELECT printf('%016x-%s', rowid, external_id), first_name, city, 1, 'standard', '2026' FROM f.calls GROUP BY external_id;
INSERT INTO customer_personal(customer_id, full_name, phone, email, external_id)
  SELECT id, '', '', '', substr(uuid, 18) FROM customers;
INSERT INTO calls(uuid, customer_id, started_at, interviewer, channel, outcome, duration_min, product_line, notes,
                  import_key, created_at, updated_at)
  SELECT printf('%016x', c.rowid), p.customer_id, c.date, c.interviewer, 'phone', 'connected', 1, c.product_line,
         c.notes, printf('k:%016x', abs(random())), '2026', '2026'
  FROM f.calls c JOIN customer_personal p ON p.external_id = c.external_id;
INSERT INTO calls_fts(rowid, notes) SELECT id, notes FROM calls;
UPDATE search_control SET calls_from = NULL, answers_from = NULL, quotes_from = NULL;
COMMIT;
"""


def schema_sql():
    """Earmark's schema from Migrations.cpp, with a stock tokenizer the shell knows."""
    with open(os.path.join(ROOT, "src", "core", "store", "Migrations.cpp")) as f:
        source = f.read()
    sql = source[source.index('R"sql(') + len('R"sql('):source.index(')sql"')]
    path = os.path.join(OUT, "schema.sql")
    with open(path, "w") as f:
        f.write(sql.replace("tokenize='earmark'", "tokenize='porter unicode61 remove_diacritics 2'"))
    return path


def timed(command, stdin=None):
    """Runs a command; returns (seconds, peak RSS in MiB) of that child alone."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(command)}: {process.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss / 1024.0


def remove_workspace(path):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


def bench_import(build, runs, sizes):
    cli = os.path.join(build, "src", "cli", "earmark-cli")
    rows = []
    for calls in sizes:
        csv = os.path.join(OUT, f"calls-{calls}.csv")
        if not os.path.exists(csv):
            subprocess.run([cli, "generate", "--calls", str(calls), "--seed", "1", "--out", csv], check=True,
                           stdout=subprocess.DEVNULL)
        ours, floor, schema = [], [], []
        for _ in range(runs):  # alternate, so both sides see the same machine state
            workspace = os.path.join(OUT, "import.earmark")
            remove_workspace(workspace)
            ours.append(timed([cli, "import", "--db", workspace, csv]))
            floor_db = os.path.join(OUT, "floor.db")
            remove_workspace(floor_db)
            script = os.path.join(OUT, "floor.sql")
            with open(script, "w") as f:
                f.write(FLOOR_SQL.format(csv=csv))
            with open(script) as stdin:
                floor.append(timed(["sqlite3", floor_db], stdin=stdin))
            schema_db = os.path.join(OUT, "schema.db")
            remove_workspace(schema_db)
            script = os.path.join(OUT, "schema-load.sql")
            with open(script, "w") as f:
                f.write(SCHEMA_SQL.format(schema=schema_sql(), floor=floor_db))
            with open(script) as stdin:
                schema.append(timed(["sqlite3", schema_db], stdin=stdin))
        row = {
            "calls": calls,
            "csv_mib": round(os.path.getsize(csv) / 2**20, 1),
            "earmark_s": round(statistics.median(t for t, _ in ours), 2),
            "floor_s": round(statistics.median(t for t, _ in floor), 2),
            "schema_s": round(statistics.median(t for t, _ in schema), 2),
            "earmark_peak_mib": round(statistics.median(m for _, m in ours), 1),
            "floor_peak_mib": round(statistics.median(m for _, m in floor), 1),
        }
        row["ratio"] = round(row["earmark_s"] / row["floor_s"], 2)
        rows.append(row)
        print(json.dumps(row), flush=True)
    print("\n| calls | CSV MiB | earmark-cli import | sqlite3 floor | ratio | same schema, pure SQL | "
          "earmark peak RSS MiB |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['calls']:,} | {r['csv_mib']} | {r['earmark_s']} s | {r['floor_s']} s | {r['ratio']}x | "
              f"{r['schema_s']} s ({round(r['schema_s'] / r['floor_s'], 2)}x) | {r['earmark_peak_mib']} |")


def bench_search(build, repeats):
    cli = os.path.join(build, "src", "cli", "earmark-cli")
    workspace = os.path.join(OUT, "search-100k.earmark")
    if not os.path.exists(workspace):
        subprocess.run([cli, "generate", "--calls", "100000", "--seed", "1", "--db", workspace], check=True,
                       stdout=subprocess.DEVNULL)
    result = subprocess.run([os.path.join(build, "bench", "earmark-bench-search"), workspace, str(repeats)],
                            check=True, capture_output=True, text=True)
    print(result.stdout)


def bench_open(build, runs):
    """Opening a 100k-call workspace to the first painted call list, beside an empty one."""
    cli = os.path.join(build, "src", "cli", "earmark-cli")
    tool = os.path.join(build, "bench", "earmark-bench-open")
    big = os.path.join(OUT, "search-100k.earmark")
    if not os.path.exists(big):
        subprocess.run([cli, "generate", "--calls", "100000", "--seed", "1", "--db", big], check=True,
                       stdout=subprocess.DEVNULL)
    empty = os.path.join(OUT, "empty.earmark")
    remove_workspace(empty)
    subprocess.run([cli, "init", "--db", empty], check=True, stdout=subprocess.DEVNULL)
    results = {"empty": [], "100k": []}
    for _ in range(runs):  # alternate, so both see the same machine state
        for name, path in (("empty", empty), ("100k", big)):
            out = subprocess.run([tool, path], check=True, capture_output=True, text=True).stdout
            results[name].append(json.loads(out.strip().splitlines()[-1]))
    print("| workspace | open to first painted call list (median ms) | counts in (median ms) | peak RSS (median MiB) "
          "| rows loaded |")
    print("|---|---:|---:|---:|---:|")
    for name, rows in results.items():
        print(f"| {name} | {statistics.median(r['ms'] for r in rows)} | "
              f"{statistics.median(r['counts_ms'] for r in rows)} | "
              f"{round(statistics.median(r['peak_mib'] for r in rows), 1)} | {rows[0]['rows']} of {rows[0]['calls']} |")


def bench_patterns(build, runs):
    tool = os.path.join(build, "bench", "earmark-bench-patterns")
    cli = os.path.join(build, "src", "cli", "earmark-cli")

    def median_of(args):
        rows = [json.loads(subprocess.run([tool] + args, check=True, capture_output=True, text=True).stdout)
                for _ in range(runs)]
        return rows[0], {k: statistics.median(r[k] for r in rows) for k in rows[0] if isinstance(rows[0][k], (int, float))}

    print("| quotes | floor: read into terms (median ms) | grouping (median ms) | groups | peak RSS (MiB) |")
    print("|---:|---:|---:|---:|---:|")
    for quotes in (100000, 500000):
        _, m = median_of(["build", str(quotes)])
        print(f"| {quotes:,} | {m['floor_ms']:.0f} | {m['build_ms']:.0f} | {m['groups']:.0f} | {m['peak_mib']:.1f} |")
    _, m = median_of(["incremental", "35000"])
    print(f"\nOne call's quotes regrouped in an index of {m['quotes']:,.0f} quotes: p50 {m['update_p50_ms']:.3f} ms, "
          f"max {m['update_max_ms']:.3f} ms (building that index: {m['build_ms']:.0f} ms).")
    # 10k calls as generated (a third connect); 143k calls that all connect: 500k quotes.
    for name, make in (("10,000-call", [cli, "generate", "--calls", "10000", "--seed", "1", "--db"]),
                       ("500,000-quote", [tool, "make", "143000"])):
        source = os.path.join(OUT, f"patterns-{name}.earmark")
        if not os.path.exists(source):
            subprocess.run(make + [source], check=True, stdout=subprocess.DEVNULL)
        rows = []
        for _ in range(runs):
            work = os.path.join(OUT, f"patterns-{name}-work.earmark")
            remove_workspace(work)
            shutil.copyfile(source, work)  # mining writes: every run starts from the same file
            rows.append(json.loads(subprocess.run([tool, "session", work], check=True, capture_output=True,
                                                  text=True).stdout))
        med = {k: statistics.median(r[k] for r in rows) for k in rows[0]}
        print(f"\n{name} workspace: mining end to end {med['mine_ms']:.0f} ms ({med['patterns']:.0f} patterns), "
              f"session load {med['load_ms']:.0f} ms, saving one call p50 {med['save_call_p50_ms']:.2f} ms, "
              f"max {med['save_call_max_ms']:.2f} ms, peak {med['peak_mib']:.1f} MiB.")


def bench_opportunities(build, runs):
    """Ranking and exporting 10,000 opportunities; the view with 2,000."""
    tool = os.path.join(build, "bench", "earmark-bench-opportunities")
    board = os.path.join(build, "bench", "earmark-bench-board")
    cli = os.path.join(build, "src", "cli", "earmark-cli")
    sizes = {"10k": (20000, 10000), "2k": (20000, 2000)}
    paths = {}
    for name, (calls, opportunities) in sizes.items():
        paths[name] = os.path.join(OUT, f"opportunities-{name}.earmark")
        if not os.path.exists(paths[name]):
            subprocess.run([tool, "make", str(calls), str(opportunities), paths[name]], check=True)
    big = paths["10k"]
    rank = json.loads(subprocess.run([tool, "rank", big, str(max(runs, 5))], check=True, capture_output=True,
                                     text=True).stdout)
    print(f"{rank['opportunities']:,} opportunities, {rank['evidence']:,} evidence rows (medians of {max(runs, 5)}):")
    print("| step | median ms |")
    print("|---|---:|")
    print(f"| floor: the evidence rows read with plain SQL | {rank['floor_ms']:.0f} |")
    print(f"| reading opportunities and evidence through the store | {rank['read_ms']:.0f} |")
    print(f"| ranking (impact, score, ties, quadrants) | {rank['rank_ms']:.0f} |")
    print(f"| the whole report (read, rank, cite the strongest quotes) | {rank['report_ms']:.0f} |")

    # Exports end to end, as a person runs them: a process that opens the workspace,
    # builds the report and writes the file. The floor: the sqlite3 shell writing the same
    # evidence rows as CSV.
    floor_sql = ("SELECT oq.opportunity_id, q.text, c.started_at, cu.first_name, cu.city FROM opportunity_quotes oq "
                 "JOIN quotes q ON q.id = oq.quote_id JOIN calls c ON c.id = q.call_id "
                 "JOIN customers cu ON cu.id = c.customer_id;")
    floor_out = os.path.join(OUT, "floor.csv")
    floors = []
    for _ in range(runs):
        with open(floor_out, "w") as sink:
            start = time.perf_counter()
            subprocess.run(["sqlite3", "-csv", big, floor_sql], check=True, stdout=sink)
            floors.append(time.perf_counter() - start)
    print(f"\nExports of the ranked list ({runs} runs each; floor: the sqlite3 shell writing the evidence rows as CSV, "
          f"{statistics.median(floors) * 1000:.0f} ms):")
    print("| format | median | × floor | file | peak RSS |")
    print("|---|---:|---:|---:|---:|")
    for what, fmt_ in (("ranked", "csv"), ("ranked", "json"), ("ranked", "md"), ("ranked", "html"),
                       ("ranked", "xlsx"), ("ranked", "pdf"), ("quotes", "csv"), ("quotes", "xlsx")):
        out = os.path.join(OUT, f"export-{what}.{fmt_}")
        times, peaks = [], []
        for _ in range(runs):
            elapsed, peak = timed([cli, "export", "--db", big, "--what", what, "--as-of", "2026-11-30", "--out", out])
            times.append(elapsed)
            peaks.append(peak)
        label = fmt_ if what == "ranked" else f"quote table, {fmt_}"
        print(f"| {label} | {statistics.median(times):.2f} s | {statistics.median(times) / statistics.median(floors):.1f}× "
              f"| {os.path.getsize(out) / 1048576:.1f} MiB | {statistics.median(peaks):.0f} MiB |")

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    view = json.loads(subprocess.run([board, paths["2k"], str(max(runs, 5))], check=True, capture_output=True,
                                     text=True, env=env).stdout.strip().splitlines()[-1])
    print(f"\nThe Opportunities view with {view['opportunities']:,} opportunities (offscreen, medians):")
    print("| step | median |")
    print("|---|---:|")
    for key, label, unit in (("load_ms", "read the ranking (background reader) and show it", "ms"),
                             ("matrix_paint_ms", "paint the matrix after the data changed", "ms"),
                             ("choose_paint_ms", "paint the matrix after choosing another", "ms"),
                             ("table_paint_ms", "paint the table", "ms"),
                             ("sort_ms", "sort the table by a column", "ms"),
                             ("filter_ms", "filter by bucket (table and matrix)", "ms"),
                             ("move_ms", "drag a bubble: command, store, ranking read again", "ms"),
                             ("hit_us", "find the bubble under the pointer", "µs")):
        print(f"| {label} | {view[key]:.1f} {unit} |")
    print(f"| peak RSS | {view['peak_mib']:.0f} MiB |")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["import", "search", "open", "patterns", "opportunities"])
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--sizes", default="25000,50000,100000,400000",
                        help="import: comma-separated call counts (memory should plateau as they grow)")
    args = parser.parse_args()
    if shutil.which("sqlite3") is None:
        sys.exit("the floor needs the sqlite3 shell: apt-get install sqlite3")
    os.makedirs(OUT, exist_ok=True)
    os.environ.setdefault("XDG_STATE_HOME", OUT)  # keep benchmark logs out of the user's log
    if args.what == "import":
        bench_import(args.build, args.runs, [int(n) for n in args.sizes.split(",")])
    elif args.what == "search":
        bench_search(args.build, args.repeats)
    elif args.what == "patterns":
        bench_patterns(args.build, args.runs)
    elif args.what == "opportunities":
        bench_opportunities(args.build, args.runs)
    else:
        bench_open(args.build, max(args.runs, 5))


if __name__ == "__main__":
    main()
