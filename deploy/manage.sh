#!/bin/sh
# manage.py with the production environment (/etc/un-archive/env), as the archive's user:
#
#   sudo -u un-archive /srv/un-archive/deploy/manage.sh migrate
#
# UN_ARCHIVE_ENV names another environment file.
set -eu
set -a
. "${UN_ARCHIVE_ENV:-/etc/un-archive/env}"
set +a
cd "$(dirname "$0")/.."
exec .venv/bin/python manage.py "$@"
