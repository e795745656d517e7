#!/usr/bin/env bash
# Zhengwu's backup (docs/DEPLOYMENT.md, "Backup and point-in-time restore"). Three commands:
#
#   backup.sh base   --to DIR [--files DIR] [--anchor-file FILE]
#       A base backup of the whole cluster (pg_basebackup, plain format, with the WAL it needs, verified with
#       pg_verifybackup) into DIR/base/<UTC time>/, THEN the file store into DIR/files/ and the audit checkpoint file
#       into DIR/anchors/. With WAL archiving into DIR/wal/ (wal-archive.sh as archive_command) it is the start of a
#       point-in-time recovery (restore.sh pitr).
#   backup.sh files  --to DIR [--files DIR] [--anchor-file FILE]
#       Only the file store and the checkpoint file: run it often (cron, every few minutes). A restore to a time T
#       needs a run of this that started after T.
#   backup.sh dump   --to DIR [--files DIR] [--anchor-file FILE]
#       Small installs: pg_dump of one database (custom format) into DIR/dump/<UTC time>.dump, THEN the file store
#       and the checkpoint file (restore.sh dump).
#
# Connection: libpq's variables (PGHOST, PGPORT, PGUSER, PGPASSWORD or ~/.pgpass; PGDATABASE for dump, default
# zhengwu). The user needs the REPLICATION attribute for base. PostgreSQL's client programs come from PG_BIN (a
# directory) or PATH; they must be of the server's major version or newer.
#
# Why this order: the file store writes a file (under a new random key, never changed afterwards) before the
# transaction that records its key commits. So every file a committed row names existed before that row; a copy of
# the file store that starts after the database's copy is consistent (has every file the database's rows name) —
# extra files are orphans of later rows and harmless. The file copy only adds (files are immutable and never reused);
# a file the platform deletes (a material removed from a draft) waits in the store's deleted/ for
# zhengwu.files.keep-deleted (7 days) and is copied from there, so run "files" more often than that.
set -euo pipefail

usage() {
    sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

[ "$#" -ge 1 ] || usage
command=$1
shift
to=${ZHENGWU_BACKUP_DIR:-}
files=${ZHENGWU_FILES_DIRECTORY:-${ZHENGWU_DATA_DIR:-./data}/files}
anchor_file=${ZHENGWU_AUDIT_ANCHOR_FILE:-${ZHENGWU_DATA_DIR:-./data}/audit/anchors.log}
while [ "$#" -gt 0 ]; do
    case "$1" in
        --to) to=$2; shift 2 ;;
        --files) files=$2; shift 2 ;;
        --anchor-file) anchor_file=$2; shift 2 ;;
        *) echo "backup.sh: unknown option $1" >&2; usage ;;
    esac
done
[ -n "$to" ] || { echo "backup.sh: say where the backup goes (--to DIR or ZHENGWU_BACKUP_DIR)" >&2; exit 2; }

bin() {
    if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN/$1"; else echo "$1"; fi
}

now() {
    date -u +%Y-%m-%dT%H:%M:%S.%NZ
}

log() {
    echo "backup.sh $(now) $*" >&2
}

umask 077
mkdir -p "$to"
to=$(cd "$to" && pwd)

# Adds every stored file the backup lacks; never removes, never rewrites one (a key names one content forever).
copy_files() {
    local started
    started=$(now)
    if [ ! -d "$files" ]; then
        log "no file store at $files: nothing to copy"
    else
        mkdir -p "$to/files"
        if command -v rsync > /dev/null; then
            # 24: a file vanished while rsync ran — deleted meanwhile, so it is in deleted/, copied below.
            rsync -a --ignore-existing --exclude=/tmp/ --exclude=/deleted/ "$files/" "$to/files/" || [ "$?" -eq 24 ]
        else
            (cd "$files" && find . \( -path ./tmp -o -path ./deleted \) -prune -o -type f -print0 |
                while IFS= read -r -d '' f; do
                    if [ ! -e "$to/files/$f" ]; then
                        mkdir -p "$to/files/$(dirname "$f")"
                        cp -p "$f" "$to/files/$f.partial" && mv "$to/files/$f.partial" "$to/files/$f"
                    fi
                done)
        fi
        # Files deleted since the last copy wait in deleted/<key> (zhengwu.files.keep-deleted): a database restored to
        # a time before their deletion still names them, so they go back under their keys.
        if [ -d "$files/deleted" ]; then
            for f in "$files"/deleted/*; do
                [ -f "$f" ] || continue
                key=$(basename "$f")
                case "$key" in *[!0-9a-f]*) continue ;; esac
                [ "${#key}" -eq 32 ] || continue
                place="$to/files/${key:0:2}/${key:2:2}/$key"
                if [ ! -e "$place" ]; then
                    mkdir -p "$(dirname "$place")"
                    cp -p "$f" "$place.partial" && mv "$place.partial" "$place"
                fi
            done
        fi
        sync -f "$to/files"
        log "file store $files copied into $to/files"
    fi
    # The copy holds every file stored before it started: restore.sh checks this against the target time.
    echo "$started" > "$to/files.synced.partial"
    sync "$to/files.synced.partial"
    mv "$to/files.synced.partial" "$to/files.synced"
}

copy_anchors() {
    if [ -f "$anchor_file" ]; then
        mkdir -p "$to/anchors"
        cp "$anchor_file" "$to/anchors/anchors.log.partial"
        sync "$to/anchors/anchors.log.partial"
        mv "$to/anchors/anchors.log.partial" "$to/anchors/anchors.log"
        log "audit checkpoints $anchor_file copied"
    else
        log "no audit checkpoint file at $anchor_file"
    fi
}

case "$command" in
    base)
        stamp=$(date -u +%Y%m%dT%H%M%SZ)
        target="$to/base/$stamp"
        partial="$target.partial"
        mkdir -p "$to/base"
        started=$(now)
        log "base backup into $target"
        "$(bin pg_basebackup)" --pgdata="$partial" --format=plain --wal-method=stream --checkpoint=fast \
            --label="zhengwu $stamp" --no-password
        "$(bin pg_verifybackup)" --quiet "$partial"
        # The backup is consistent from its end on: a restore may target any time after this.
        printf 'started=%s\nended=%s\n' "$started" "$(now)" > "$partial/zhengwu-backup.info"
        sync -f "$partial"
        mv "$partial" "$target"
        log "base backup $target verified"
        copy_files
        copy_anchors
        ;;
    files)
        copy_files
        copy_anchors
        ;;
    dump)
        stamp=$(date -u +%Y%m%dT%H%M%SZ)
        mkdir -p "$to/dump"
        started=$(now)
        database=${PGDATABASE:-zhengwu}
        log "pg_dump of $database into $to/dump/$stamp.dump"
        # The dump shows the database as it was at its start (one snapshot).
        "$(bin pg_dump)" --format=custom --no-password --dbname="$database" --file="$to/dump/$stamp.dump.partial"
        printf 'started=%s\nended=%s\n' "$started" "$(now)" > "$to/dump/$stamp.info"
        sync "$to/dump/$stamp.dump.partial"
        mv "$to/dump/$stamp.dump.partial" "$to/dump/$stamp.dump"
        copy_files
        copy_anchors
        ;;
    *)
        usage
        ;;
esac
