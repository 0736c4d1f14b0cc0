#!/usr/bin/env bash
# Writes the output of every "$ ./minikernel ..." console block of docs/tour.md anew, from the
# current build (TourTest in update mode). Review the diff before committing it.
set -euo pipefail
cd "$(dirname "$0")/.."
./run-tests -pl tests -Dtest=TourTest -Dtour.update=true -Dsurefire.failIfNoSpecifiedTests=false
