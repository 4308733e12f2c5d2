#!/bin/sh
# Runs a command against a real Secret Service of its own, so keychain tests run (not skip)
# and never touch the user's keyrings.
#
# With dbus-run-session and gnome-keyring-daemon installed, the command always runs in a
# private D-Bus session with a throwaway, unlocked gnome-keyring, even on a desktop whose
# own keyring is on the bus: the tests must neither write into it nor depend on it staying
# up. HOME and the XDG folders point into a temporary folder before the session starts,
# because dbus-daemon passes its environment to every service it starts on demand; the
# keyring is started that way (from a service file in the private XDG_DATA_HOME, which
# the bus searches first), so it, and any daemon the bus starts should the first one die,
# opens only the throwaway keyring, never the login keyring. The folder is removed when
# the command ends.
#
# Without those tools, an existing Secret Service is used as it is.
set -eu
here=$(cd "$(dirname "$0")" && pwd)

# Already inside a session this script made (a nested call): run as it is.
if [ -n "${HEARKEN_KEYRING_BUS:-}" ] && [ "${HEARKEN_KEYRING_BUS}" = "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  exec "$@"
fi

if ! command -v dbus-run-session >/dev/null 2>&1 || ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
  if "$here/has-secret-service.sh"; then
    echo "with-keyring: no dbus-run-session/gnome-keyring-daemon; using the Secret Service already on the bus (keychain tests add and remove entries in it)." >&2
  else
    echo "with-keyring: no Secret Service and no gnome-keyring-daemon/dbus-run-session; keychain tests will skip (or fail in CI)." >&2
  fi
  exec "$@"
fi

user_umask=$(umask)
umask 077
root=$(mktemp -d "${TMPDIR:-/tmp}/hearken-keyring.XXXXXX")
child=''
cleanup() {
  # The whole session: dbus-run-session leaves its bus, the keyring and the command
  # running when it alone is killed.
  if [ -n "$child" ]; then kill -TERM "-$child" 2>/dev/null || kill -TERM "$child" 2>/dev/null || true; fi
  rm -rf "$root"
}
trap cleanup EXIT
# A signal ends the session too; the EXIT trap then removes the folder.
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

mkdir "$root/home" "$root/data" "$root/config" "$root/cache" "$root/runtime"
mkdir -p "$root/data/dbus-1/services"
# A random password for a keyring that lives for one command.
od -An -N16 -tx1 /dev/urandom | tr -d ' \n' >"$root/keyring-password"
cat >"$root/keyring-daemon.sh" <<EOF
#!/bin/sh
# --unlock reads the password from stdin: it creates the login keyring the first time and
# unlocks it again in a daemon started after the first one died.
exec gnome-keyring-daemon --foreground --unlock --components=secrets <"$root/keyring-password" >/dev/null
EOF
cat >"$root/data/dbus-1/services/org.freedesktop.secrets.service" <<EOF
[D-BUS Service]
Name=org.freedesktop.secrets
Exec=/bin/sh "$root/keyring-daemon.sh"
EOF
# The command's own files get the user's usual modes.
umask "$user_umask"

# npm and npx keep the user's cache, not a fresh one in the throwaway HOME.
export npm_config_cache="${npm_config_cache:-$HOME/.npm}"
export npm_config_update_notifier=false
export HOME="$root/home"
export XDG_DATA_HOME="$root/data"
export XDG_CONFIG_HOME="$root/config"
export XDG_CACHE_HOME="$root/cache"
# gnome-keyring finds a running daemon by its control socket here: a private folder keeps
# it from joining (or unlocking) a daemon of the user's.
export XDG_RUNTIME_DIR="$root/runtime"
# Pointers into the user's session that must not leak into this one.
unset GNOME_KEYRING_CONTROL GNOME_KEYRING_PID SSH_AUTH_SOCK DBUS_SESSION_BUS_PID DBUS_STARTER_ADDRESS DBUS_STARTER_BUS_TYPE

# A background job would get /dev/null for stdin; the command keeps this script's own.
exec 3<&0
# In a process group of its own (setsid: a background job of a script never leads its
# group, so setsid needs no fork and $! is that group), so a signal ends all of it.
detach=''
if command -v setsid >/dev/null 2>&1; then detach=setsid; fi
$detach dbus-run-session -- sh -c '
  export HEARKEN_KEYRING_BUS="$DBUS_SESSION_BUS_ADDRESS"
  # Started now, so the first test does not wait for it; the call returns once the daemon
  # owns its name. Without dbus-send the first keychain call starts it.
  if command -v dbus-send >/dev/null 2>&1 &&
    ! dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.StartServiceByName string:org.freedesktop.secrets uint32:0 >/dev/null; then
    echo "with-keyring: the private gnome-keyring did not start." >&2
    exit 1
  fi
  # The daemon is a child of the bus and exits with it when the command is done.
  exec "$@"
' sh "$@" <&3 3<&- &
child=$!
exec 3<&-
status=0
wait "$child" || status=$?
child=''
exit "$status"
