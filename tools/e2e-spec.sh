#!/usr/bin/env bash
# Runs some e2e specs against a fresh build, for development:
#   bash tools/e2e-spec.sh tests/requests.spec.ts [more playwright args]
# Takes a lock, so developers (and helpers) sharing one machine run one at a time.
set -euo pipefail
cd "$(dirname "$0")/.."
exec 9>/tmp/safety-by-design-e2e.lock
flock 9
# 9>&-: Synapse must not inherit the lock, or it would hold it for as long as it runs.
HOMESERVER_INSTANCE=test bash tools/homeserver/homeserver.sh start >/dev/null 9>&-
eval "$(node_modules/.bin/node --conditions=@safety-by-design/source tools/client-env.ts test)"
npx vite build --logLevel warn
# 9>&-: nothing the tests start (e.g. a homeserver restart) may inherit the lock.
cd e2e && npx playwright test "$@" 9>&-
