#!/bin/bash
# walkup-hub must never link GTK or libadwaita, directly or through a library.
hub=${1:?usage: check-hub-links.sh PATH-TO-walkup-hub}
n=0; failed=0
check() { n=$((n + 1)); if eval "$2"; then echo "ok $n - $1"; else echo "not ok $n - $1"; failed=1; fi; }
needed=$(readelf -d "$hub" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p')
all=$(ldd "$hub" | awk '{print $1}')
check "walkup-hub is a dynamic executable with libraries" '[ -n "$needed" ]'
check "walkup-hub links SQLite (core)" 'grep -q "^libsqlite3" <<<"$all"'
check "walkup-hub links libsoup 3 (net)" 'grep -q "^libsoup-3" <<<"$all"'
check "no GTK among its direct libraries" '! grep -Eq "^lib(gtk|adwaita|gdk)" <<<"$needed"'
check "no GTK, GDK or libadwaita anywhere in its closure" '! grep -Eq "^lib(gtk|adwaita|gdk|graphene)" <<<"$all"'
# the same probe does see GTK where it is linked
check "walkup (the faces) does link GTK 4" 'ldd "$(dirname "$hub")/walkup" | grep -q "libgtk-4"'
echo "1..$n"
exit $failed
