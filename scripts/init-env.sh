#!/bin/sh
# First step of a Docker Compose installation: writes .env from .env.example with freshly generated
# secrets for the database passwords, the console session secret and the metrics token. Never overwrites
# an existing .env.
set -eu
cd "$(dirname "$0")/.."

if [ -e .env ]; then
  echo "init-env: .env already exists; leaving it alone (delete it first to start over)" >&2
  exit 1
fi

# 32 random bytes as hex: safe inside a MongoDB connection string without escaping.
secret() {
  od -An -N32 -tx1 /dev/urandom | tr -d ' \n'
}

umask 077
sed \
  -e "s/^MONGO_ROOT_PASSWORD=.*/MONGO_ROOT_PASSWORD=$(secret)/" \
  -e "s/^STEMPEL_DB_PASSWORD=.*/STEMPEL_DB_PASSWORD=$(secret)/" \
  -e "s/^CONSOLE_SESSION_SECRET=.*/CONSOLE_SESSION_SECRET=$(secret)/" \
  -e "s/^METRICS_TOKEN=.*/METRICS_TOKEN=$(secret)/" \
  .env.example > .env
echo "init-env: wrote .env with generated secrets (readable by you only). Next: docker compose up --build -d" >&2
