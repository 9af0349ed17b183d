#!/usr/bin/env bash
# Writes a config for a private broker on this machine: the project's mosquitto.conf with only the listener,
# persistence location, log destination and user replaced (as the test harness does in PrivateMosquitto).
#   deploy/mosquitto/local-conf.sh PORT DIR > DIR/mosquitto.conf
set -euo pipefail
port="$1"; dir="$2"
grep -v -E '^(listener|persistence_location|log_dest|user )' "$(dirname "$0")/mosquitto.conf"
echo "listener $port 127.0.0.1"
echo "persistence_location $dir/"
echo "log_dest file $dir/mosquitto.log"
echo "user $(id -un)"
