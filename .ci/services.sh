#!/usr/bin/env bash
# Install (if missing) and start the servers the tests need: MariaDB on
# 127.0.0.1:3306 with a test user and database, and RabbitMQ on 127.0.0.1:5672;
# also Debian's legacy GeoIP country databases (no server) for the location tests.
# Idempotent: safe to run when they are already installed or running.
set -euo pipefail

MYSQL_USER=pipewright
MYSQL_PASSWORD=pipewright-test
MYSQL_DB=pipewright_test

need=()
command -v mariadbd >/dev/null 2>&1 || need+=(mariadb-server)
command -v rabbitmq-server >/dev/null 2>&1 || need+=(rabbitmq-server)
# The legacy GeoIP country databases edX read (GeoIP.dat, GeoIPv6.dat), for the location tests.
[ -f /usr/share/GeoIP/GeoIP.dat ] || need+=(geoip-database)
if [ ${#need[@]} -gt 0 ]; then
  echo "services: installing ${need[*]} from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi

wait_for() { # name, command
  for _ in $(seq 1 60); do
    if eval "$2" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  echo "services: $1 did not come up" >&2
  return 1
}

if ! mariadb-admin --protocol=tcp -h127.0.0.1 -P3306 -u"$MYSQL_USER" -p"$MYSQL_PASSWORD" ping >/dev/null 2>&1; then
  if ! mariadb-admin ping >/dev/null 2>&1; then
    echo "services: starting MariaDB"
    mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld
    (mysqld_safe --bind-address=127.0.0.1 --port=3306 >/tmp/pipewright-mariadb.log 2>&1 &)
    wait_for MariaDB "mariadb-admin ping"
  fi
  mariadb -uroot <<SQL
CREATE DATABASE IF NOT EXISTS \`$MYSQL_DB\` CHARACTER SET utf8mb4;
CREATE USER IF NOT EXISTS '$MYSQL_USER'@'127.0.0.1' IDENTIFIED BY '$MYSQL_PASSWORD';
CREATE USER IF NOT EXISTS '$MYSQL_USER'@'localhost' IDENTIFIED BY '$MYSQL_PASSWORD';
GRANT ALL PRIVILEGES ON *.* TO '$MYSQL_USER'@'127.0.0.1';
GRANT ALL PRIVILEGES ON *.* TO '$MYSQL_USER'@'localhost';
FLUSH PRIVILEGES;
SQL
fi
wait_for "MariaDB over TCP" "mariadb-admin --protocol=tcp -h127.0.0.1 -P3306 -u$MYSQL_USER -p$MYSQL_PASSWORD ping"
echo "services: MariaDB ready on 127.0.0.1:3306 (user $MYSQL_USER, database $MYSQL_DB)"

if ! rabbitmq-diagnostics -q ping >/dev/null 2>&1; then
  echo "services: starting RabbitMQ"
  (rabbitmq-server >/tmp/pipewright-rabbitmq.log 2>&1 &)
  wait_for RabbitMQ "rabbitmq-diagnostics -q ping"
fi
echo "services: RabbitMQ ready on 127.0.0.1:5672"
