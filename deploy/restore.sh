#!/usr/bin/env bash
# Restore a backup made by deploy/backup.sh into a fresh, empty database and media directory:
#   createdb -O mekendeshter mekendeshter_restored
#   DATABASE_URL=postgres://…/mekendeshter_restored MEDIA_ROOT=/srv/mekendeshter/media-restored \
#     deploy/restore.sh db-….dump media-….tar.gz
# then point the environment at them and restart the app servers and the worker.
set -euo pipefail
dump=${1:?usage: restore.sh DB_DUMP MEDIA_TARBALL}
media=${2:?usage: restore.sh DB_DUMP MEDIA_TARBALL}
: "${DATABASE_URL:?set DATABASE_URL}" "${MEDIA_ROOT:?set MEDIA_ROOT}"

# Never restore over a live database: the target must have no table yet.
tables=$(psql "$DATABASE_URL" --no-psqlrc --tuples-only --no-align \
  --command="SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
if [ "$tables" != "0" ]; then
  echo "restore.sh: the database in DATABASE_URL is not empty ($tables tables); create a fresh one." >&2
  exit 1
fi
if [ -d "$MEDIA_ROOT" ] && [ -n "$(ls -A "$MEDIA_ROOT")" ]; then
  echo "restore.sh: $MEDIA_ROOT is not empty; restore media into a fresh directory." >&2
  exit 1
fi

# One transaction: a failed restore leaves the database empty, not half full. Owners and grants
# are those of the restoring role (the new server's role names may differ).
pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$DATABASE_URL" "$dump"
mkdir -p "$MEDIA_ROOT"
tar --extract --gzip --file="$media" --directory="$MEDIA_ROOT"
echo "restored $dump and $media"
