#!/bin/sh
# Dump the archive's database into BACKUP_DIR and delete dumps older than BACKUP_KEEP_DAYS days.
#
#   DATABASE_URL=postgresql://… BACKUP_DIR=/var/backups/un-archive sh deploy/backup.sh
#
# Each dump is un-archive-YYYYmmddTHHMMSSZ.dump in pg_dump's custom format (pg_restore reads
# it); it gets its final name only once pg_dump has succeeded, so a failed night leaves no
# half-written file among the backups and deletes nothing.
set -eu

: "${DATABASE_URL:?DATABASE_URL must name the archive database}"
dir="${BACKUP_DIR:-/var/backups/un-archive}"
keep_days="${BACKUP_KEEP_DAYS:-14}"
target="$dir/un-archive-$(date -u +%Y%m%dT%H%M%SZ).dump"

trap 'rm -f "$target.partial"' EXIT
pg_dump --format=custom --file="$target.partial" --dbname="$DATABASE_URL"
mv "$target.partial" "$target"
find "$dir" -maxdepth 1 -name 'un-archive-*.dump' -mtime "+$keep_days" -delete
echo "backup written: $target"
