#!/usr/bin/env bash
# compare.sh BEFORE.json AFTER.json [--exact] -- see compare.php (needs only PHP)
set -u
exec "${PHP:-php}" "$(dirname "${BASH_SOURCE[0]}")/compare.php" "$@"
