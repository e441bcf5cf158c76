# syntax=docker/dockerfile:1
# The production image of the API: one process serving the API, the sockets, the built console, the widget
# and the demo shop on one port. Three stages, so neither the front-end tool chain, nor a compiler, nor any
# test tool (vitest, playwright, meta-sim, e2e, bench) reaches the image that runs.
# `npm run check:image` rebuilds this file set without Docker and starts the server from it.
ARG NODE_IMAGE=node:20-bookworm-slim

# ── 1. The console and the widget, built with their dev dependencies (vite, tailwind) ──────────────
FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json tsconfig.base.json ./
COPY apps/console/package.json apps/console/
COPY apps/widget/package.json apps/widget/
COPY packages/core/package.json packages/core/
COPY packages/contracts/package.json packages/contracts/
COPY packages/realtime-client/package.json packages/realtime-client/
# Only the two front ends' workspaces: the server's native modules are not needed to bundle them.
RUN npm ci --no-audit --no-fund -w @keluh/console -w @keluh/widget
COPY packages/core packages/core
COPY packages/contracts packages/contracts
COPY packages/realtime-client packages/realtime-client
COPY apps/console apps/console
COPY apps/widget apps/widget
RUN npm run build -w @keluh/console -w @keluh/widget

# ── 2. The server's production dependencies, compiled here (better-sqlite3) ────────────────────────
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
# better-sqlite3 falls back to node-gyp when no prebuilt binary matches; the compiler stays in this stage.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY packages/core/package.json packages/core/
COPY packages/contracts/package.json packages/contracts/
COPY packages/db/package.json packages/db/
COPY packages/channels/package.json packages/channels/
# --omit=dev leaves out socket.io-client and @keluh/meta-sim (devDependencies of the API and channels);
# the workspaces named are exactly the API and what it depends on, so no other workspace is linked.
RUN npm ci --omit=dev --no-audit --no-fund -w @keluh/api -w @keluh/core -w @keluh/contracts -w @keluh/db -w @keluh/channels

# ── 3. What runs ───────────────────────────────────────────────────────────────────────────────────
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    DATA_DIR=/app/data
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
# tsx runs the TypeScript sources as `npm start` does (the workspaces export their sources); it reads the
# tsconfig.json of the working directory, so the root one comes along.
COPY package.json tsconfig.json ./
COPY apps/api apps/api
COPY packages/core packages/core
COPY packages/contracts packages/contracts
COPY packages/db/package.json packages/db/
COPY packages/db/src packages/db/src
COPY packages/db/migrations packages/db/migrations
COPY packages/channels packages/channels
COPY --from=build /src/apps/console/dist apps/console/dist
COPY --from=build /src/apps/widget/dist apps/widget/dist
# The data folders (generated key, SQLite, media; /app/media for a MEDIA_DIR shared by several API
# containers) belong to the user the server runs as: a named volume mounted on them starts with this owner.
RUN mkdir -p /app/data /app/media && chown node:node /app/data /app/media
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "--import", "tsx", "apps/api/src/server.ts"]
