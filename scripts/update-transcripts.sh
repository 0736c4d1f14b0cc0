#!/usr/bin/env bash
# Writes anew the output of every console block of README.md, docs/tour.md and docs/grading.md
# that differs from what its command prints now (TranscriptsTest in update mode); blocks with
# "..." or varying figures are reported for mending by hand. Review the diff before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
./run-tests -pl tests -Dtest=TranscriptsTest -Dtranscripts.update=true -Dsurefire.failIfNoSpecifiedTests=false
