#!/usr/bin/env bash
# The PostgreSQL backup and restore drill of docs/deploy/node.md, run for real.
#
#   PGURL=postgres://postgres@127.0.0.1:5432 BASHKE=/opt/bashke/apps/cli/dist/bin.js \
#     bash docs/deploy/backup-restore-drill.sh
#
# It makes a database of its own (bashke_drill_<pid>) and, for the keys, a key
# file of its own — never an existing database — then:
#   1. migrates it with `bashke migrate` and writes data through the gateway's
#      own command (an API token), with keys from the key file;
#   2. backs it up: `pg_dump --format=custom` (the database) and, separately,
#      the key file (the vault's keys are never in the database's backup);
#   3. restores the dump into a second new database with `pg_restore`;
#   4. checks the restore: every table's rows and their checksum equal the
#      original's, `bashke migrate` on it applies nothing, and `bashke token
#      list` with the restored keys lists the token made before the backup;
#   5. drops both databases and deletes the files.
# Exits non-zero, naming the step, when any check fails. CI runs it
# (scripts/deploy-check.sh) against the PostgreSQL server at 127.0.0.1:5432.
set -euo pipefail
PGURL=${PGURL:-postgres://postgres@127.0.0.1:5432}
BASHKE=${BASHKE:-$(cd "$(dirname "$0")/../.." && pwd)/apps/cli/dist/bin.js}
drill="bashke_drill_$$"
source_db="$drill"
restored_db="${drill}_restored"
work=$(mktemp -d "${TMPDIR:-/tmp}/bashke-drill-XXXXXX")
cleanup() {
  for db in "$source_db" "$restored_db"; do psql -q "$PGURL/postgres" -c "drop database if exists $db with (force)" >/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "backup drill: $1" >&2; exit 1; }
say() { echo "backup drill: $1"; }

# ---- 1. a database of its own, migrated, with data written by the gateway's command
psql -q -v ON_ERROR_STOP=1 "$PGURL/postgres" -c "create database $source_db" >/dev/null
umask 077
{
  echo "BASHKE_VAULT_KEYS=drill-1:$(openssl rand -base64 32)"
  echo "BASHKE_BLIND_INDEX_KEY=$(openssl rand -base64 32)"
} >"$work/keys.env"
bashke() { # bashke <database> <args…>: the command with the key file's keys
  (set -a && . "$1" && set +a && BASHKE_DATABASE_URL="$2" BASHKE_LOCALE=en node "$BASHKE" "${@:3}")
}
bashke "$work/keys.env" "$PGURL/$source_db" migrate >/dev/null || fail "step 1: bashke migrate failed"
bashke "$work/keys.env" "$PGURL/$source_db" token create --role auditor --label drill-before-backup >/dev/null 2>&1 \
  || fail "step 1: bashke token create failed"
say "1. $source_db migrated, a token made"

# ---- 2. the backup: the database, and the keys apart from it
pg_dump --format=custom --no-owner --file="$work/bashke.dump" "$PGURL/$source_db" || fail "step 2: pg_dump failed"
mkdir "$work/key-backup" && cp "$work/keys.env" "$work/key-backup/keys.env"
if grep -q "$(sed -n 's/^BASHKE_VAULT_KEYS=drill-1://p' "$work/keys.env")" <(pg_restore --file=- "$work/bashke.dump"); then
  fail "step 2: the vault key is inside the database's backup"
fi
say "2. pg_dump: $(du -h "$work/bashke.dump" | cut -f1); the keys backed up apart"

# ---- 3. the restore, into a new database
psql -q -v ON_ERROR_STOP=1 "$PGURL/postgres" -c "create database $restored_db" >/dev/null
pg_restore --no-owner --exit-on-error --dbname="$PGURL/$restored_db" "$work/bashke.dump" || fail "step 3: pg_restore failed"
say "3. restored into $restored_db"

# ---- 4. the checks
checksums() { # every table of every schema but the system's: name, rows, checksum of its rows in order
  psql -q -At -v ON_ERROR_STOP=1 "$PGURL/$1" <<'SQL'
create temporary table drill_sums (name text, rows bigint, sum text);
do $$
declare t record;
begin
  for t in select table_schema, table_name from information_schema.tables
           where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
           order by 1, 2 loop
    execute format(
      'insert into drill_sums select %L, count(*), md5(coalesce(string_agg(r::text, %L order by r::text), %L)) from %I.%I r',
      t.table_schema || '.' || t.table_name, E'\n', '', t.table_schema, t.table_name);
  end loop;
end $$;
select name || ' ' || rows || ' ' || sum from drill_sums order by name;
SQL
}
checksums "$source_db" >"$work/source.sums"
checksums "$restored_db" >"$work/restored.sums"
[ -s "$work/source.sums" ] || fail "step 4: no tables in $source_db"
diff -u "$work/source.sums" "$work/restored.sums" >&2 || fail "step 4: the restored tables differ from the original's"
migrated=$(bashke "$work/key-backup/keys.env" "$PGURL/$restored_db" migrate) || fail "step 4: bashke migrate on the restore failed"
grep -q "No new migrations" <<<"$migrated" || fail "step 4: bashke migrate on the restore applied something"
tokens=$(bashke "$work/key-backup/keys.env" "$PGURL/$restored_db" token list) || fail "step 4: bashke token list failed"
grep -q " drill-before-backup " <<<"$tokens" \
  || fail "step 4: bashke token list on the restore does not list the token made before the backup"
say "4. $(wc -l <"$work/source.sums") tables equal, row for row; migrate applies nothing; the token is there"
say "5. done: both databases dropped, the files deleted"
