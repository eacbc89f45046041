#!/usr/bin/env bash
# Builds Parley's desktop package with jpackage (JDK 17) from target/parley.jar, with a Java runtime of its own:
#   packaging/package.sh          target/package/Parley/, an app image: run target/package/Parley/bin/Parley
#   packaging/package.sh deb      target/package/parley-analyzer_VERSION-1_amd64.deb: installs to
#                                 /opt/parley-analyzer, with a menu entry that opens .pcap and .pcapng files (needs
#                                 fakeroot and dpkg-deb). Compressed captures open from the app: claiming every .gz
#                                 file for Parley would be rude. The package is not called "parley": Debian has one by
#                                 that name already (KDE's vocabulary trainer), and apt would take it for an upgrade.
# Build the jar first: mvn -B -q -DskipTests package (PARLEY_BUILD_DIR names the build folder when it is not target,
# as -Dparley.build.dir does for Maven). The launcher takes what `java -jar parley.jar` takes: no argument
# or a capture starts the window, a subcommand runs the command line (bin/Parley summary FILE).
set -euo pipefail
type=${1:-app-image}
case $type in app-image|deb) ;; *) echo "usage: $0 [app-image|deb]" >&2; exit 2 ;; esac
cd "$(dirname "$0")/.."
build=${PARLEY_BUILD_DIR:-target}
jar=$build/parley.jar
[ -f "$jar" ] || { echo "package.sh: $jar is missing; build it with: mvn -B -q -DskipTests package" >&2; exit 1; }
out=$build/package
mkdir -p "$out"
rm -rf "$out/input" "$out/runtime" "$out/Parley"
mkdir "$out/input"
cp "$jar" "$out/input/"

# The runtime: the JDK modules the jar's classes use (JavaFX travels inside the jar, on the class path as with
# java -jar), plus jdk.charsets, which no class names but mails in GB2312, Big5, ISO-2022-JP and the like need.
modules="$(jdeps --multi-release 17 --print-module-deps --ignore-missing-deps "$jar"),jdk.charsets"
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 --output "$out/runtime"

# jpackage wants a version of numbers only: 0.1.0-SNAPSHOT becomes 0.1.0.
version=$(sed -n 's:.*<version>\([0-9.]*\).*</version>.*:\1:p' pom.xml | head -1)
options=(
  --name Parley --app-version "$version" --vendor "Parley developers"
  --description "SIP and POP3 protocol analyzer: ladder diagrams, call flows and header trees from captures"
  --input "$out/input" --main-jar parley.jar --main-class dev.parley.app.Launcher
  --runtime-image "$out/runtime" --icon assets/icons/parley-256.png --dest "$out"
  # as the jar's manifest does for java -jar (JitAdvice: HotSpot's DiagnosticCommand MBean without the MBean server)
  --java-options "--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED"
  # HotSpot's tiered policy without its "delay profiling while C2 is busy" step: a cold load of a big capture then
  # compiles the correlator's code once less and builds its model 2-4 % sooner (docs/DESIGN-NOTES.md note 40)
  --java-options "-XX:Tier3DelayOn=1000"
)
if [ "$type" = app-image ]; then
  jpackage --type app-image "${options[@]}"
  echo "$out/Parley/bin/Parley"
else
  rm -f "$out"/parley-analyzer_*.deb
  # JavaFX's GTK window and pcap4j's live capture load these at run time, where jpackage's look at the runtime's
  # libraries does not see them: they are named as dependencies here.
  jpackage --type deb "${options[@]}" --resource-dir packaging/linux --license-file LICENSE \
    --linux-package-name parley-analyzer --linux-app-category net --linux-menu-group "Network;Monitor;" \
    --linux-shortcut --file-associations packaging/pcap.properties --file-associations packaging/pcapng.properties \
    --linux-package-deps "libgtk-3-0, libpcap0.8"
  ls "$out"/parley-analyzer_*.deb
fi
