#!/usr/bin/env bash
# Make sure PostgreSQL and Redis answer on 127.0.0.1; start or install them.
# The suite needs the real services; it never runs on anything else.
set -euo pipefail

pg_up() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }
redis_up() {
  if command -v redis-cli >/dev/null 2>&1; then
    [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = "PONG" ]
  else
    (exec 3<>/dev/tcp/127.0.0.1/6379 && printf 'PING\r\n' >&3 && read -r -t 2 line <&3 \
      && [[ "$line" == +PONG* ]]) 2>/dev/null
  fi
}
as_root() { [ "$(id -u)" = 0 ]; }
apt_install() {
  if ! as_root; then
    echo "ensure_services: $1 is not installed and this user is not root; install it" >&2
    exit 1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if ! pg_up; then
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    echo "ensure_services: installing PostgreSQL" >&2
    apt_install postgresql
  fi
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  echo "ensure_services: starting PostgreSQL $version" >&2
  conf=/etc/postgresql/$version/main/pg_hba.conf
  if as_root && ! grep -qE '^host\s+all\s+all\s+127\.0\.0\.1/32\s+trust' "$conf"; then
    sed -i '1i host all all 127.0.0.1/32 trust' "$conf"
  fi
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
  for _ in $(seq 1 30); do pg_up && break; sleep 1; done
  pg_up || { echo "ensure_services: PostgreSQL did not start" >&2; exit 1; }
fi

if ! redis_up; then
  if ! command -v redis-server >/dev/null 2>&1; then
    echo "ensure_services: installing Redis" >&2
    apt_install redis-server
  fi
  echo "ensure_services: starting Redis" >&2
  mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
  logdir=/var/log/redis; [ -w "$logdir" ] || logdir=/tmp
  datadir=/var/lib/redis; [ -w "$datadir" ] || datadir=/tmp
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" \
    --appendonly no --dir "$datadir" --logfile "$logdir/ci.log"
  for _ in $(seq 1 30); do redis_up && break; sleep 1; done
  redis_up || { echo "ensure_services: Redis did not start" >&2; exit 1; }
fi
echo "ensure_services: PostgreSQL and Redis are up" >&2
