#!/bin/sh
# Compiles the api module with its tests (TfidfBenchMain lives there) and writes its class path for
# tessera_tfidf.sh. Usage: build.sh REPO
set -e
cd "$1"
mvn -B -q -o -pl api test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$1/bench/target/tfidf-imdb.classpath" >&2
