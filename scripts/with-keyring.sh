#!/bin/sh
# Runs a command where a real Secret Service answers, so keychain tests run, not skip.
# On a desktop session with a keyring already on the bus, the command runs as it is.
# Otherwise (CI, a headless box) it starts a private D-Bus session with an unlocked
# gnome-keyring that lives only as long as the command.
set -eu
if [ -z "${HEARKEN_KEYRING_STARTED:-}" ] && ! "$(dirname "$0")/has-secret-service.sh"; then
  if command -v dbus-run-session >/dev/null 2>&1 && command -v gnome-keyring-daemon >/dev/null 2>&1; then
    export HEARKEN_KEYRING_STARTED=1
    exec dbus-run-session -- sh -c '
      # A throwaway keyring home, unlocked with a fixed password read from stdin.
      export XDG_DATA_HOME="$(mktemp -d)"
      printf "hearken-test-keyring" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
      exec "$@"' sh "$@"
  fi
  echo "with-keyring: no Secret Service and no gnome-keyring-daemon/dbus-run-session; keychain tests will fail in CI." >&2
fi
exec "$@"
