#!/usr/bin/env bash
# Licence files (issue 11): licences issued/s (LicenceDocuments.issue: layout, GB/T 38540 seal, OFD package) and
# verified/s (LicenceDocuments.verify), next to raw BouncyCastle SM2 signatures/s and verifications/s measured in the
# same JMH run on the same machine (bench/../src/test/java/org/zhengwu/bench/LicenceLimits.java), every core busy: each
# licence path and its raw limit run side by side, one thread each, over the same seconds.
# Targets: issue ≥ 0.3 of the raw sign rate, verify ≥ 0.5 of the raw verify rate.
#
#   bench/licence.sh
#
# Needs a CJK font (Debian fonts-wqy-microhei). SKIP_BUILD=1 reuses the compiled classes and classpath.
# Results in bench/results/licence-jmh.txt; the summary on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/results
mkdir -p "$OUT"
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
if [ -z "${SKIP_BUILD:-}" ]; then
    ./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
        -Dmdep.includeScope=test
fi
"$JAVA" -cp target/test-classes:target/classes:"$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main LicenceLimits \
    -t max -rf text -rff "$OUT/licence-jmh.txt" > "$OUT/licence-jmh.log" 2>&1 \
    || { tail -n 30 "$OUT/licence-jmh.log" >&2; exit 1; }
# each licence path runs beside its raw limit in one JMH group (LicenceLimits.verify:sm2Verify, …)
rate() { awk -v b="$1" '$1 ~ ":" b "$" {print $4}' "$OUT/licence-jmh.txt"; }
SIGN=$(rate sm2Sign)
VERIFY=$(rate sm2Verify)
ISSUE=$(rate licenceIssue)
CHECK=$(rate licenceVerify)
echo
echo "$(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), JMH, $(nproc) threads"
# the ratio of each measurement iteration (both rates of an iteration cover the same seconds)
ratios() {
    awk -v a="$1:" -v b="$2:" '/^Iteration/ { it++ } $1 == a { x[it] = $2 } $1 == b { y[it] = $2 }
        END { for (i = 1; i <= it; i++) if ((i in x) && (i in y)) printf "%.2f ", x[i] / y[i] }' "$OUT/licence-jmh.log"
}
printf "%-22s %12s %16s %8s %8s  %s\n" path "per second" "raw limit/s" ratio target "per iteration"
printf "%-22s %12s %16s %8s %8s  %s\n" "licence issue" "$ISSUE" "$SIGN (sign)" \
    "$(awk -v a="$ISSUE" -v b="$SIGN" 'BEGIN { printf "%.3f", a / b }')" 0.3 "$(ratios licenceIssue sm2Sign)"
printf "%-22s %12s %16s %8s %8s  %s\n" "licence verify" "$CHECK" "$VERIFY (verify)" \
    "$(awk -v a="$CHECK" -v b="$VERIFY" 'BEGIN { printf "%.3f", a / b }')" 0.5 "$(ratios licenceVerify sm2Verify)"
