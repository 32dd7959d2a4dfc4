#!/usr/bin/env bash
# Backup of the portal: the database (pg_dump's custom format, restorable table by table) and
# the uploaded media (a tarball of MEDIA_ROOT). Run with the production environment, e.g. daily:
#   set -a; . /etc/mekendeshter/env; set +a; deploy/backup.sh /var/backups/mekendeshter
# Prints the two files it wrote. Restore with deploy/restore.sh.
set -euo pipefail
dest=${1:?usage: backup.sh DEST_DIR}
: "${DATABASE_URL:?set DATABASE_URL}" "${MEDIA_ROOT:?set MEDIA_ROOT}"

stamp=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$dest"
# The database first: media files it names may be added meanwhile, never the other way round
# (a file with no row is harmless, a row with no file is a broken image).
pg_dump --format=custom --file="$dest/db-$stamp.dump" "$DATABASE_URL"
tar --create --gzip --file="$dest/media-$stamp.tar.gz" --directory="$MEDIA_ROOT" .
echo "$dest/db-$stamp.dump"
echo "$dest/media-$stamp.tar.gz"
