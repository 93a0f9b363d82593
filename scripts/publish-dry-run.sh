#!/usr/bin/env bash
# `pnpm publish --dry-run` for every public package (private ones are never
# published): packs each one as npm would publish it — workspace ranges turned
# into versions, `files` and `publishConfig` (public access, provenance)
# applied — and fails on the first that would not publish. Run after the build.
set -euo pipefail
cd "$(dirname "$0")/.."
dry_run() {
  local manifest=$1 dir name out
  dir=$(dirname "$manifest")
  name=$(node -p 'require(process.argv[1]).name' "./$manifest")
  if ! node -e 'const p = require(process.argv[1]); process.exit(p.publishConfig?.provenance === true && p.repository && p.homepage && (p.keywords ?? []).length > 0 ? 0 : 1)' "./$manifest"; then
    echo "publish dry run: $name lacks repository, homepage, keywords or publishConfig.provenance" >&2
    return 1
  fi
  # shellcheck disable=SC2086 # PNPM may be a command with arguments (npx -y pnpm@…)
  out=$( (cd "$dir" && ${PNPM:-pnpm} publish --dry-run --no-git-checks 2>&1) ) || { echo "$out" >&2; echo "publish dry run: $name failed" >&2; return 1; }
  grep -q "dist/" <<<"$out" || { echo "$out" >&2; echo "publish dry run: $name would publish no dist/ (build first)" >&2; return 1; }
}
# In parallel (each is mostly waiting on npm's packing); every failure is reported.
pids=()
for manifest in packages/*/package.json plugins/*/package.json; do
  if node -e 'process.exit(require(process.argv[1]).private === true ? 0 : 1)' "./$manifest"; then continue; fi
  dry_run "$manifest" &
  pids+=($!)
done
failed=0
for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
[ "$failed" -eq 0 ] || exit 1
echo "publish dry run: ${#pids[@]} public packages would publish"
