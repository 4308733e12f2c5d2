#!/bin/sh
# Exit 0 when the session bus has an org.freedesktop.secrets owner.
[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || exit 1
command -v dbus-send >/dev/null 2>&1 || exit 1
dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
  org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'
