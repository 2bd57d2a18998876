# docker-notes-bot: a slim runtime with production dependencies, dist/ and the bundled notes.
#
#   docker build -t docker-notes-bot .
#   docker run --rm -e SLACK_BOT_TOKEN -e SLACK_SIGNING_SECRET -p 3000:3000 docker-notes-bot
#
# NODE_IMAGE is any image that provides what the official slim Node image does: node and npm on
# PATH, a POSIX shell and a `node` user. Nothing else is installed into it.
# Behind a TLS-inspecting proxy, put its CA certificate(s) in build-ca.pem next to this file: only
# the install stages read it, the final image never contains it (see .dockerignore and README).
ARG NODE_IMAGE=node:24-slim

# npm's inputs, shared by the two installs below.
FROM ${NODE_IMAGE} AS npm
WORKDIR /app
COPY package.json package-lock.json build-ca.pem* ./
# An empty file when none was given: Node then trusts its own roots only, and says nothing.
RUN touch build-ca.pem
ENV NODE_EXTRA_CA_CERTS=/app/build-ca.pem \
    npm_config_audit=false \
    npm_config_fund=false \
    npm_config_update_notifier=false

# Compiles src/ with the dev dependencies (TypeScript). No dependency needs its install script
# (ssh2 and cpu-features fall back to plain JavaScript), so none runs, whatever npm's version.
FROM npm AS build
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && rm dist/.tsbuildinfo

# Production dependencies only, in their own stage so this layer is rebuilt only when the lockfile changes.
FROM npm AS prod-deps
RUN npm ci --omit=dev --ignore-scripts
# better-sqlite3 (the default store) is the one native module: its prebuilt binary for this Node and
# platform, fetched by prebuild-install from the package's GitHub releases, or from a mirror with the
# same layout (<host>/v<version>/better-sqlite3-v<version>-node-v<abi>-linux-x64.tar.gz) named by this
# build argument. No compiler: the base image has none, and the build says so instead of trying.
ARG npm_config_better_sqlite3_binary_host
RUN cd node_modules/better-sqlite3 && ../.bin/prebuild-install \
  || { echo "better-sqlite3: no prebuilt binary from ${npm_config_better_sqlite3_binary_host:-GitHub} for node $(node -v) (ABI $(node -p process.versions.modules)); set the build argument npm_config_better_sqlite3_binary_host to a mirror" >&2; exit 1; }
# The SQLite store's folder, handed to the node user below.
RUN mkdir /app/data

FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    KNOWLEDGE_DIR=/app/knowledge
WORKDIR /app
# Root owns the app and the node user only reads it, so the process cannot rewrite its own code and
# the root filesystem can be mounted read-only.
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY migrations ./migrations
# DATABASE_URL's default, sqlite:/app/data/bot.db: the one folder the node user may write, a volume so
# that the records outlive the container and a read-only root filesystem still leaves it writable.
COPY --from=prod-deps --chown=node:node /app/data ./data
VOLUME /app/data
# The bundled notes; mount a folder over KNOWLEDGE_DIR (or point KNOWLEDGE_DIR elsewhere) to use the team's own.
COPY knowledge ./knowledge
USER node
# HTTP mode: POST /slack/events, GET /healthz, /readyz and /metrics on PORT (default 3000); Socket
# Mode serves the last three on HEALTH_PORT (default PORT, else 3000).
EXPOSE 3000
# node itself, no curl: the official slim image has none. HEALTH_PORT (Socket Mode's health server)
# when set, else PORT, else HTTP mode's default.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "const port = process.env.HEALTH_PORT || process.env.PORT || 3000; fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1));"]
# No entrypoint script or shell between the engine and the bot: node is PID 1 and handles SIGTERM itself.
ENTRYPOINT []
CMD ["node", "dist/main.js"]
