#!/bin/sh
# The Tessera side of bench/cases/tfidf-imdb.toml: a whole JVM run of io.tessera.text.TfidfBenchMain.
# Usage: tessera_tfidf.sh REPO JAVA THREADS FILE...   or   tessera_tfidf.sh REPO JAVA --version
repo="$1"; java="$2"; shift 2
if [ "$1" = "--version" ]; then
  exec "$java" -version 2>&1
fi
threads="$1"; shift
exec "$java" -cp "$repo/api/target/classes:$repo/api/target/test-classes:$(cat "$repo/bench/target/tfidf-imdb.classpath")" \
  io.tessera.text.TfidfBenchMain "$threads" - "$@"
