#!/usr/bin/env bash
# Score extraction against the analyst's gold of 40 drawn dev articles (tests/gold/).
# Imports the ECB+ articles from their text files and the GVC ones from the scraper's JSON
# Lines (with their metadata) into a fresh data file, then runs `crosscheck eval`.
# Usage: tools/dev-gold.sh [--details]   (needs ../shared/dev beside the project, python3)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dev="$root/../shared/dev"
bin="$root/target/release/crosscheck"
[ -x "$bin" ] || cargo build --release --manifest-path "$root/Cargo.toml"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 - "$root/tests/gold/dev40.articles" "$dev/gvc-dev/articles.jsonl" "$work/gvc.jsonl" <<'PY'
import json, sys
wanted = {l.strip()[len("gvc-dev/"):] for l in open(sys.argv[1]) if l.startswith("gvc-dev/")}
with open(sys.argv[3], "w") as out:
    for line in open(sys.argv[2]):
        if json.loads(line)["file"] in wanted:
            out.write(line)
PY
ecb=()
while read -r f; do [[ "$f" == ecb-dev/* ]] && ecb+=("$dev/$f"); done < "$root/tests/gold/dev40.articles"
"$bin" import "$work/d.ron" "${ecb[@]}" "$work/gvc.jsonl" >/dev/null
"$bin" eval "$root/tests/gold/dev40.gold.ron" "$work/d.ron" "$@"
