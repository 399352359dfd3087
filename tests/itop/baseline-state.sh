#!/usr/bin/env bash
# baseline-state.sh save|restore -- the populated 3.2.5 baseline instance: database dump
# ($BASELINE_DIR/db.sql.gz) and a copy of the iTop folder ($BASELINE_DIR/www).
#   env: RIG UPG_HOME [WEBROOT RUNDIR WEB_PORT DB_NAME BASELINE_DIR]
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
case "${1:-}" in
  save)
    mkdir -p "$BASELINE_DIR"
    mysqldump --single-transaction --routines --triggers "$DB_NAME" | gzip -1 > "$BASELINE_DIR/db.sql.gz.tmp" \
      && mv "$BASELINE_DIR/db.sql.gz.tmp" "$BASELINE_DIR/db.sql.gz" || die "mysqldump failed"
    rsync -a --delete "$WEBROOT/" "$BASELINE_DIR/www/" || die "copy of $WEBROOT failed"
    date -u +%FT%TZ > "$BASELINE_DIR/saved-at"
    log "baseline saved in $BASELINE_DIR ($(du -sh "$BASELINE_DIR" | cut -f1))"
    ;;
  restore)
    [ -f "$BASELINE_DIR/db.sql.gz" ] && [ -d "$BASELINE_DIR/www" ] || die "no saved baseline in $BASELINE_DIR (run populate-baseline.sh)"
    web_stop
    mysql -e "DROP DATABASE IF EXISTS \`$DB_NAME\`; CREATE DATABASE \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;" || die "cannot recreate $DB_NAME"
    gunzip -c "$BASELINE_DIR/db.sql.gz" | mysql "$DB_NAME" || die "restore of the dump failed"
    mkdir -p "$WEBROOT"
    rsync -a --delete "$BASELINE_DIR/www/" "$WEBROOT/" || die "restore of $WEBROOT failed"
    web_restart
    log "baseline restored from $BASELINE_DIR (saved $(cat "$BASELINE_DIR/saved-at" 2>/dev/null))"
    ;;
  *) die "usage: $0 save|restore" ;;
esac
