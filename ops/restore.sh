#!/usr/bin/env bash
# Zhengwu's restore (docs/DEPLOYMENT.md, "Backup and point-in-time restore"). Two commands:
#
#   restore.sh pitr --from DIR --pgdata NEW_DATA_DIR --target-time TIME
#                   [--files NEW_FILES_DIR] [--anchor-file FILE] [--allow-missing-files]
#       Prepares NEW_DATA_DIR (absent or empty) from the newest base backup of DIR/base/ that ended before TIME, set to
#       replay the archived WAL of DIR/wal/ up to TIME and then promote (recovery.signal, restore_command,
#       recovery_target_time). Start PostgreSQL on it afterwards: it accepts connections only once the recovery is
#       done. Copies the file store's backup into NEW_FILES_DIR, and keeps in the audit checkpoint file only the
#       checkpoints written up to TIME (the whole file is kept beside it).
#   restore.sh dump --from DUMP_FILE [--files NEW_FILES_DIR] [--anchor-file FILE] [--allow-missing-files]
#       Restores a backup.sh dump into the database PGDATABASE (default zhengwu), which must exist and be empty,
#       with libpq's connection variables; then the files and the checkpoints as for pitr, at the dump's time.
#
# TIME is anything GNU date reads, with its zone: 2026-12-05T01:30:00.25Z, '2026-12-05 09:30:00+08:00'.
# PostgreSQL's programs come from PG_BIN (a directory) or PATH.
set -euo pipefail

usage() {
    sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

[ "$#" -ge 1 ] || usage
command=$1
shift
from=
pgdata=
target_time=
files=
anchor_file=
allow_missing_files=false
while [ "$#" -gt 0 ]; do
    case "$1" in
        --from) from=$2; shift 2 ;;
        --pgdata) pgdata=$2; shift 2 ;;
        --target-time) target_time=$2; shift 2 ;;
        --files) files=$2; shift 2 ;;
        --anchor-file) anchor_file=$2; shift 2 ;;
        --allow-missing-files) allow_missing_files=true; shift ;;
        *) echo "restore.sh: unknown option $1" >&2; usage ;;
    esac
done
[ -n "$from" ] || usage

bin() {
    if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN/$1"; else echo "$1"; fi
}

log() {
    echo "restore.sh $(date -u +%Y-%m-%dT%H:%M:%S.%NZ) $*" >&2
}

fail() {
    echo "restore.sh: $*" >&2
    exit 1
}

# A time as UTC with nine decimals: such strings sort as the times do.
utc() {
    date -u -d "$1" +%Y-%m-%dT%H:%M:%S.%NZ
}

empty_or_absent() {
    [ ! -e "$1" ] || { [ -d "$1" ] && [ -z "$(ls -A "$1")" ]; }
}

value_of() { # key file
    sed -n "s/^$1=//p" "$2"
}

# The file store's backup into a new directory: complete for the target time only if a copy started after it.
restore_files() { # backup root, time the database is restored to (UTC)
    local root=$1 at=$2
    [ -n "$files" ] || return 0
    empty_or_absent "$files" || fail "$files is not empty: restore the files into a new directory"
    local synced=
    [ -f "$root/files.synced" ] && synced=$(cat "$root/files.synced")
    if [ -z "$synced" ] || [[ "$synced" < "$at" ]]; then
        if [ "$allow_missing_files" != true ]; then
            fail "the file store was last copied at ${synced:-never}, before $at: files stored in between would be" \
                "missing. Run backup.sh files (if the file store still exists), or accept it with --allow-missing-files"
        fi
        log "the file store was last copied at ${synced:-never}, before $at: files stored after that are missing"
    fi
    mkdir -p "$files"
    chmod 700 "$files"
    if [ -d "$root/files" ]; then
        cp -a "$root/files/." "$files/"
    fi
    mkdir -p "$files/tmp"
    log "file store restored into $files"
}

# Keeps the checkpoints written up to the restored time; the others name chain heads the restored database never
# reached, and verification would report the chains cut. The whole file stays beside it as evidence.
restore_anchors() { # backup root, time the database is restored to (UTC)
    local root=$1 at=$2
    [ -n "$anchor_file" ] || return 0
    local source=$anchor_file
    if [ ! -f "$source" ]; then
        source="$root/anchors/anchors.log"
        [ -f "$source" ] || { log "no audit checkpoint file: none written"; return 0; }
    fi
    local kept="$anchor_file.before-restore-$(date -u +%Y%m%dT%H%M%SZ)"
    mkdir -p "$(dirname "$anchor_file")"
    cp -p "$source" "$kept"
    awk -v at="$at" '
        /^zhengwu-audit-checkpoint v1 at=/ {
            t = $3; sub(/^at=/, "", t)
            whole = substr(t, 1, 19); fraction = substr(t, 21); sub(/Z$/, "", fraction)
            if (substr(t, 20, 1) != ".") { fraction = "" }
            while (length(fraction) < 9) { fraction = fraction "0" }
            if (whole "." fraction "Z" > at) { next }
        }
        { print }' "$kept" > "$anchor_file.partial"
    chmod 600 "$anchor_file.partial"
    mv "$anchor_file.partial" "$anchor_file"
    log "audit checkpoints up to $at kept in $anchor_file ($(wc -l < "$anchor_file") of $(wc -l < "$kept") lines;" \
        "all of them in $kept)"
}

case "$command" in
    pitr)
        [ -n "$pgdata" ] && [ -n "$target_time" ] || usage
        at=$(utc "$target_time")
        empty_or_absent "$pgdata" || fail "$pgdata is not empty: restore into a new data directory"
        [ -d "$from/wal" ] || fail "no WAL archive at $from/wal"
        chosen=
        for info in "$from"/base/*/zhengwu-backup.info; do
            [ -f "$info" ] || continue
            ended=$(value_of ended "$info")
            if [[ ! "$ended" > "$at" ]]; then
                chosen=$(dirname "$info")
            fi
        done
        [ -n "$chosen" ] || fail "no base backup in $from/base ended before $at"
        log "restoring $chosen into $pgdata, then the WAL of $from/wal up to $at"
        mkdir -p "$pgdata"
        chmod 700 "$pgdata"
        cp -a "$chosen/." "$pgdata/"
        rm -f "$pgdata/zhengwu-backup.info" "$pgdata/postmaster.pid"
        wal=$(cd "$from/wal" && pwd)
        case "$wal" in *"'"*|*'"'*) fail "the archive's path $wal may not contain quotes" ;; esac
        pg_time=$(date -u -d "$at" '+%Y-%m-%d %H:%M:%S.%6N+00')
        cat >> "$pgdata/postgresql.auto.conf" <<CONF
# restore.sh $(date -u +%Y-%m-%dT%H:%M:%SZ): point-in-time recovery to $at
restore_command = 'cp "$wal/%f" "%p"'
recovery_target_time = '$pg_time'
recovery_target_inclusive = on
recovery_target_action = 'promote'
# No connection before the recovery has ended: the application never sees a half-restored database.
hot_standby = off
CONF
        touch "$pgdata/recovery.signal"
        restore_files "$from" "$at"
        restore_anchors "$from" "$at"
        log "ready: start PostgreSQL on $pgdata; it replays the WAL up to $at, promotes and then accepts connections"
        ;;
    dump)
        [ -f "$from" ] || fail "no dump at $from"
        root=$(cd "$(dirname "$from")/.." && pwd)
        info="${from%.dump}.info"
        [ -f "$info" ] || fail "no $info beside the dump"
        at=$(value_of started "$info")
        database=${PGDATABASE:-zhengwu}
        log "restoring $from (the database as at $at) into $database"
        "$(bin pg_restore)" --no-password --exit-on-error --single-transaction --dbname="$database" "$from"
        restore_files "$root" "$at"
        restore_anchors "$root" "$at"
        log "done"
        ;;
    *)
        usage
        ;;
esac
