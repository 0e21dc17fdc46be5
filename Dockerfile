# syntax=docker/dockerfile:1
# crisis-pause: compiled TypeScript on Node 20 (the line package.json's engines declares and the
# tests run on), run as the unprivileged `node` user, state in the /data volume.
# Build: docker build -t crisis-pause .
# Run:   docker run -p 3000:3000 -v crisis-pause-data:/data -e BOOTSTRAP_API_KEY=... crisis-pause

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# No install scripts: nothing the build needs runs one (tsc is plain JavaScript).
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
RUN npx tsc -p tsconfig.build.json

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The console's static files are served as they are (tsc copies no .js, .css or .html).
COPY src/console/assets ./dist/src/console/assets
COPY package.json ./
COPY config ./config
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# Healthy once ready (store open, interrupted work picked up), not merely alive. The image has
# no curl: node's own fetch asks.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself is PID 1 (no npm, no shell): `docker stop`'s SIGTERM reaches the service, which
# stops cleanly and releases its lock on /data.
CMD ["node", "dist/src/main.js"]
