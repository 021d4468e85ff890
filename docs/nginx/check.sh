#!/bin/sh
# Checks the syntax of formularium.conf with "nginx -t" without root and without touching /etc:
# copies it into a temporary prefix, points certificates and logs there (throw-away self-signed
# certificate), and tests a minimal wrapper nginx.conf that includes it inside http { }.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/ssl" "$tmp/logs"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=formulare.example.de \
    -keyout "$tmp/ssl/privkey.pem" -out "$tmp/ssl/fullchain.pem" 2>/dev/null
sed -e "s#/etc/ssl/formularium#$tmp/ssl#g" -e "s#/var/log/nginx#$tmp/logs#g" \
    "$here/formularium.conf" > "$tmp/formularium.conf"
cat > "$tmp/nginx.conf" <<CONF
error_log $tmp/logs/error.log warn;
pid $tmp/nginx.pid;
events { }
http {
    include $tmp/formularium.conf;
}
CONF
nginx -t -p "$tmp/" -e "$tmp/logs/error.log" -c "$tmp/nginx.conf"
