# Ringside — one image for every role (api, worker, scheduler; see deploy/docker-compose.yml).
# Build: docker build -t ringside .
# Run embedded (one container, data in a volume):
#   docker run -p 3000:3000 -v ringside-data:/app/data -e HOST=0.0.0.0 ringside

# ── build: install everything, build the web app, then drop dev dependencies ──────────────
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# ── runtime: no compilers, no dev dependencies, not root ──────────────────────────────────
FROM node:20-bookworm-slim AS runtime
# postgresql-client: pg_dump/pg_restore for `npm run backup` / `restore` in scale mode.
RUN apt-get update \
  && apt-get install -y --no-install-recommends postgresql-client tini \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/app/data \
    LOG_FORMAT=json
COPY --from=build --chown=node:node /app/package.json /app/package-lock.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/server ./server
COPY --from=build --chown=node:node /app/common ./common
COPY --from=build --chown=node:node /app/scripts ./scripts
COPY --from=build --chown=node:node /app/dist ./dist
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
VOLUME ["/app/data"]
# Liveness of the api role; worker/scheduler containers override it in compose.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# tini forwards SIGTERM so the graceful shutdown runs (Node as PID 1 would ignore it).
ENTRYPOINT ["/usr/bin/tini", "--", "node", "--import", "tsx", "server/main.ts"]
CMD ["--role=all"]
