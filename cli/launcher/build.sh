#!/usr/bin/env bash
# Builds what ./tessera runs, under build/launcher/:
#   lib/      the CLI's module jar and its runtime dependencies (Tessera modules, Guice, Guava, slf4j, logback,
#             picocli), copied there by the cli module's package phase (maven-dependency-plugin); bench cases
#             run some of them from there
#   runtime/  a runtime image made by jlink with the JDK modules below and every module of lib/ (copies of the
#             automatic modules among them made explicit first), so ./tessera needs no module path
#   tessera.jsa  a class-data sharing archive written by a training run
#   .built    the stamp ./tessera compares the sources against
# Quiet on success. On failure it prints one line, the tail of the tool's output, and exits 1.
#
# Usage: cli/launcher/build.sh            (JDK: JAVA_HOME if >= 21, else the newest under /usr/lib/jvm, else PATH)
set -euo pipefail

repo=$(cd -P -- "$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")/../.." && pwd)
out="$repo/build/launcher"
log="$out/build.log"
min_java=21

# The JDK modules the application resolves (java --show-module-resolution; jdeps over build/launcher/lib agrees):
#   java.base; java.logging (Guava); java.xml (logback-core); jdk.incubator.vector (the SIMD engine);
#   java.desktop (PNG charts: AWT and ImageIO; brings java.datatransfer and java.prefs);
#   jdk.management (Lucene's Nori reads JVM options through it; the service binding of java.management, which
#   the image's resolved graph includes, resolves it).
# Left out on purpose: jdk.unsupported (Guice and Guava fall back without sun.misc.Unsafe, and nothing resolves it:
# leaving it out also avoids JDK 24+'s Unsafe deprecation warnings), java.naming, java.management and java.sql
# (optional features of logback and picocli; logback is configured in code, so its XML configurator is not used).
modules=java.base,java.logging,java.xml,jdk.incubator.vector,java.desktop,jdk.management

die() {
  echo "tessera: $*" >&2
  exit 1
}

# Prints the feature version (21, 25, ...) of the JDK at $1, or 0 when it is not a JDK with jlink.
jdk_version() {
  local home=$1 v=""
  if [[ -x $home/bin/java && -x $home/bin/jlink && -f $home/release ]]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
  fi
  echo "${v:-0}"
}

find_jdk() {
  local home best="" best_v=0 v
  if [[ -n ${JAVA_HOME:-} && $(jdk_version "$JAVA_HOME") -ge $min_java ]]; then
    echo "$JAVA_HOME"
    return
  fi
  for home in /usr/lib/jvm/*/; do
    home=${home%/}
    v=$(jdk_version "$home")
    if (( v > best_v )); then
      best=$home
      best_v=$v
    fi
  done
  if (( best_v < min_java )) && command -v java > /dev/null; then
    home=$(dirname -- "$(dirname -- "$(readlink -f -- "$(command -v java)")")")
    v=$(jdk_version "$home")
    if (( v > best_v )); then
      best=$home
      best_v=$v
    fi
  fi
  if (( best_v < min_java )); then
    die "needs a JDK $min_java or newer (with jlink) to build; none in JAVA_HOME, /usr/lib/jvm or PATH" \
      "(newest found: ${best:-none}${best:+, Java $best_v}); install one or set JAVA_HOME"
  fi
  echo "$best"
}

# Prints a failure line and the end of the tool's output ($2), then exits 1.
fail() {
  echo "tessera: $1; the end of $2:" >&2
  tail -n 40 "$2" >&2
  exit 1
}

# jlink links explicit modules only. Guice, AOP Alliance and JFreeChart are automatic modules (jars without a
# module-info); their copies in $link/jars get the descriptor jdeps derives from their bytecode, declared open
# (as an automatic module is) and with requirements on JDK modules outside the image made optional: Guice
# probes jdk.unsupported and falls back without it, and only JFreeChart's unused JDBC classes need java.sql.
# Argument: the listing jar_modules prints.
make_modules_explicit() {
  local name file kind src jdk_modules
  local -A names=()
  while read -r name file kind; do
    [[ $kind == automatic ]] && names[$name]="$link/jars/$file"
  done <<< "$1"
  (( ${#names[@]} > 0 )) || return 0
  "$jdk/bin/jdeps" --multi-release "$jdk_v" --ignore-missing-deps --module-path "$link/jars" \
    --generate-module-info "$link/gen" "${names[@]}" > "$log" 2>&1 || fail "jdeps failed ($jdk)" "$log"
  # The JDK modules the image will hold: the module list and everything it requires.
  jdk_modules=" $("$jdk/bin/java" --limit-modules "$modules" --list-modules | sed 's/@.*//' | paste -sd' ' -) "
  for name in "${!names[@]}"; do
    src=$(find "$link/gen/$name" -name module-info.java | head -n 1)
    [[ -n $src ]] || fail "jdeps wrote no module-info for $name" "$log"
    awk -v keep="$jdk_modules" '
      /^module / { sub(/^module /, "open module ") }
      $1 == "requires" {
        m = $NF; sub(/;.*/, "", m)
        if (m ~ /^(java|jdk)\./ && index(keep, " " m " ") == 0) { $0 = "    requires static " m ";" }
      }
      { print }' "$src" > "$src.new" && mv "$src.new" "$src"
    "$jdk/bin/javac" -nowarn -d "$link/classes/$name" --module-path "$link/jars" \
      --patch-module "$name=${names[$name]}" "$src" > "$log" 2>&1 \
      || fail "compiling the module descriptor of $name failed" "$log"
    "$jdk/bin/jar" --update --file "${names[$name]}" -C "$link/classes/$name" module-info.class > "$log" 2>&1 \
      || fail "adding the module descriptor to $name failed" "$log"
  done
}

# Prints the modules of the jars in $link/jars, one "name jar-file [automatic]" line each (one JVM for all).
jar_modules() {
  "$jdk/bin/java" --module-path "$link/jars" --list-modules \
    | awk '$2 ~ /^file:/ { sub(/@.*/, "", $1); n = split($2, path, "/"); print $1, path[n], ($3 == "automatic" ? $3 : "") }'
}

jdk=$(find_jdk)
jdk_v=$(jdk_version "$jdk")
mvn=$(command -v mvn || true)
[[ -n $mvn ]] || die "needs Maven (mvn) on PATH to build Tessera on first use"

mkdir -p "$out"
# The stamp records when this build started, so sources edited while it runs still count as changed.
touch "$out/.building"

# A dependency whose version changed must not leave its old jar behind: two versions of one module on the
# module path stop the JVM at start-up.
rm -rf "$repo/cli/target/lib"
maven_opts=${MAVEN_OPTS:-}
# Maven's own Guava calls sun.misc.Unsafe, which JDK 24+ reports on stderr unless allowed explicitly.
if (( jdk_v >= 24 )); then
  maven_opts="$maven_opts --sun-misc-unsafe-memory-access=allow"
fi
# Maven runs on the chosen JDK (not only compiles with it): the jar tool of an older Maven JDK cannot read the
# Java 21 module descriptors it is asked to update and fails the build.
if ! JAVA_HOME=$jdk MAVEN_OPTS=$maven_opts "$mvn" -B -q -Dstyle.color=never -Dmaven.test.skip=true \
    -f "$repo/pom.xml" -pl cli,examples/hello-plugin -am package > "$log" 2>&1; then
  echo "tessera: build failed (Maven on $jdk); the end of $log:" >&2
  # Without colour codes and Maven's generic advice, the compiler's or test's own words remain.
  sed -e 's/\x1b\[[0-9;]*m//g' "$log" \
    | grep -vE '^\[ERROR\] *$|To see the full stack trace|Re-run Maven using|For more information about the errors|\[Help 1\]|After correcting the problems|mvn <args> -rf' \
    | tail -n 30 >&2
  exit 1
fi

rm -rf "$out/lib.new"
mkdir -p "$out/lib.new"
cp "$repo"/cli/target/tessera-cli-*.jar "$repo"/cli/target/lib/*.jar "$out/lib.new/"
rm -rf "$out/lib"
mv "$out/lib.new" "$out/lib"
# The example third-party plugin, ready to drop into plugins/ (it is not on the launcher's module path).
mkdir -p "$out/examples"
cp "$repo"/examples/hello-plugin/target/tessera-example-hello-plugin-*.jar "$out/examples/"

# The runtime image holds the JDK modules and the application's: with every module inside it, the JVM starts from
# the module graph jlink resolved at link time instead of scanning and resolving a module path at every launch.
link="$out/link"
rm -rf "$link" "$out/runtime.new"
mkdir -p "$link/jars" "$link/gen" "$link/classes"
cp "$out"/lib/*.jar "$link/jars/"
jars=$(jar_modules)
# The third-party jars change only with their versions: their prepared copies (below) are kept in $out/prepared
# and reused while the jars, this script, ClassFileUpgrade.java and the JDK are the same.
prepared_key=$( (cd "$out/lib" && cksum -- $(ls | grep -v '^tessera-'); cksum < "$repo/cli/launcher/build.sh"
  cksum < "$repo/cli/launcher/ClassFileUpgrade.java"; echo "$jdk"; cat "$jdk/release") | cksum)
if [[ -f $out/prepared/.key && $(cat "$out/prepared/.key") == "$prepared_key" ]]; then
  cp "$out"/prepared/*.jar "$link/jars/"
else
  make_modules_explicit "$jars"
  # Class files older than Java 6 (picocli's, a few of Guice's and AOP Alliance's) never enter the class-data
  # archive below; rewritten as Java 6 class files with stack maps they do (ClassFileUpgrade.java). It needs the
  # JDK's ClassFile API (24+); if it fails, the jars stay as they are and only the speed-up is lost.
  if (( jdk_v >= 24 )); then
    "$jdk/bin/java" "$repo/cli/launcher/ClassFileUpgrade.java" "$link/jars" > "$out/upgrade.log" 2>&1 || true
  fi
  rm -rf "$out/prepared"
  mkdir -p "$out/prepared"
  find "$link/jars" -name '*.jar' ! -name 'tessera-*' -exec cp {} "$out/prepared/" \;
  echo "$prepared_key" > "$out/prepared/.key"
fi
# The CLI's module names its main class, so jlink also stores the resolved graph for `-m io.tessera.cli`.
"$jdk/bin/jar" --update --file "$(echo "$link"/jars/tessera-cli-*.jar)" --main-class io.tessera.cli.TesseraCli \
  > "$log" 2>&1 || fail "setting the CLI's main class failed" "$log"
app_modules=$(awk '{ print $1 }' <<< "$jars" | paste -sd, -)
# No --compress: a compressed image is smaller but every launch pays for inflating the classes it loads.
# No --strip-debug: stack traces (--debug) keep their line numbers.
if ! "$jdk/bin/jlink" --module-path "$link/jars" --add-modules "$modules,$app_modules" \
    --no-man-pages --no-header-files --generate-cds-archive --output "$out/runtime.new" > "$log" 2>&1; then
  fail "jlink failed ($jdk)" "$log"
fi
# jlink's class-data archive of the JDK's classes was dumped without a main module, and the JVM uses an archive's
# resolved module graph only for the main module it was dumped with: dumped again for `-m io.tessera.cli`, the
# module system starts in about 7 ms instead of 17. The new archive replaces jlink's only once it is complete.
base_archive="$out/runtime.new/lib/server/classes.jsa"
if "$out/runtime.new/bin/java" -Xshare:dump -XX:SharedArchiveFile="$base_archive.new" -Xlog:disable \
    -Xlog:all=error:stderr -m io.tessera.cli > "$log" 2>&1; then
  mv "$base_archive.new" "$base_archive"
else
  rm -f "$base_archive.new"
fi
rm -rf "$out/runtime" "$link"
mv "$out/runtime.new" "$out/runtime"

# A class-data sharing archive of the classes, lambdas and proxies the typical commands load (Guice, logback, the
# platform, text vectorizers, K-Means, charts; picocli's Java 5 class files cannot be archived), written when the
# training run exits; ./tessera uses it when present. The training runs those commands in one JVM on small samples
# from the repository and writes only into a scratch folder under build/launcher. A failed dump only costs the
# speed-up; the archive takes its place only once the JVM has written all of it.
rm -f "$out/tessera.jsa" "$out/tessera.jsa.new"
training="$out/training"
samples="$repo/api/src/test/resources/io/tessera"
rm -rf "$training"
mkdir -p "$training"
if (cd "$training" && "$out/runtime/bin/java" -XX:ArchiveClassesAtExit="$out/tessera.jsa.new" \
    -Xlog:disable -Xlog:all=error:stderr -m io.tessera.cli/io.tessera.cli.ArchiveTraining "$training" \
    "$samples/text/sklearn/imdb-test-sample.tsv" "$samples/io/data/nsmc-head.tsv.gz") > "$out/cds.log" 2>&1 \
    && [[ -s $out/tessera.jsa.new ]]; then
  mv "$out/tessera.jsa.new" "$out/tessera.jsa"
else
  rm -f "$out/tessera.jsa.new"
fi
rm -rf "$training"
mv "$out/.building" "$out/.built"
