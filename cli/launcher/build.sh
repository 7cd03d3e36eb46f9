#!/usr/bin/env bash
# Builds what ./tessera runs, under build/launcher/:
#   lib/      the CLI's module jar and its runtime dependencies (Tessera modules, Guice, Guava, slf4j, logback,
#             picocli), copied there by the cli module's package phase (maven-dependency-plugin)
#   runtime/  a JDK-only runtime image made by jlink; jlink refuses automatic modules (Guice), so the
#             application's jars stay on a module path next to it instead of inside the image
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
#   jdk.management (Lucene's Nori reads JVM options through it; ./tessera adds it with --add-modules).
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

# The runtime image depends only on the JDK and the module list; rebuild it when either changes.
runtime_id="$jdk ($(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$jdk/release")) $modules"
if [[ ! -x $out/runtime/bin/java || $(cat "$out/runtime/.tessera-id" 2>/dev/null) != "$runtime_id" ]]; then
  rm -rf "$out/runtime.new"
  # No --compress: a compressed image is smaller but every launch pays for inflating the classes it loads.
  if ! "$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
      --generate-cds-archive --output "$out/runtime.new" > "$log" 2>&1; then
    echo "tessera: jlink failed ($jdk); its output:" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
  echo "$runtime_id" > "$out/runtime.new/.tessera-id"
  rm -rf "$out/runtime"
  mv "$out/runtime.new" "$out/runtime"
fi

# A class-data sharing archive of the classes a typical command loads (picocli, Guice, logback, the platform),
# written by one training run over the fresh jars; ./tessera uses it when present. It cuts about a quarter of the
# CPU time of every launch. A failed dump only costs that speed-up.
rm -f "$out/tessera.jsa"
if ! "$out/runtime/bin/java" -XX:ArchiveClassesAtExit="$out/tessera.jsa" -Xlog:disable -Xlog:all=error:stderr \
    --module-path "$out/lib" -m io.tessera.cli/io.tessera.cli.TesseraCli plugins > "$out/cds.log" 2>&1; then
  rm -f "$out/tessera.jsa"
fi
mv "$out/.building" "$out/.built"
