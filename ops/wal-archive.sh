#!/usr/bin/env bash
# PostgreSQL's archive_command for Zhengwu's point-in-time recovery: copies one finished WAL segment (or history or
# backup-label file) into the archive directory so that it is either there whole or not at all.
#
#   archive_command = '/opt/zhengwu/ops/wal-archive.sh %p %f /backup/zhengwu/wal'
#
# Exit 0 only when the file is safely in the archive (PostgreSQL then recycles the segment); any other exit makes
# PostgreSQL keep the segment and try again. A file already archived with the same content counts as archived (a
# retry after a crash between the copy and PostgreSQL noting it); a file of that name with other content is refused,
# so that an archive is never overwritten by another cluster's WAL.
set -euo pipefail

if [ "$#" -ne 3 ]; then
    echo "usage: $0 <%p: path of the file> <%f: its name> <archive directory>" >&2
    exit 2
fi
source_file=$1
name=$2
archive=$3
target="$archive/$name"

if [ -e "$target" ]; then
    if cmp -s "$source_file" "$target"; then
        exit 0
    fi
    echo "wal-archive: $target already exists with other content; not overwriting it" >&2
    exit 1
fi
mkdir -p "$archive"
partial="$archive/.$name.partial.$$"
trap 'rm -f "$partial"' EXIT
cp "$source_file" "$partial"
sync "$partial"
mv "$partial" "$target"
trap - EXIT
sync "$archive"
