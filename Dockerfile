# The organisation hub (README: "Run the hub for your organisation").
#   docker build -t token-warden-hub .
#   docker run -d -p 4020:4020 -v tw-hub-data:/data --env-file hub.env token-warden-hub
FROM node:20-bookworm-slim

ENV HUB_HOST=0.0.0.0 \
    HUB_PORT=4020 \
    HUB_DATA_DIR=/data \
    NPM_CONFIG_UPDATE_NOTIFIER=false

# Non-root: the embedded PostgreSQL refuses to run as root unless it creates its own system
# user; as the image's `node` user it runs as that user, in the volume below.
RUN mkdir -p /app /data && chown node:node /app /data
WORKDIR /app
USER node

# Every dependency (tsx runs the hub from its TypeScript sources). The install scripts run:
# embedded-postgres links its PostgreSQL libraries there, and `wxt prepare` writes the
# .wxt/tsconfig.json that tsconfig.json extends.
COPY --chown=node:node . .
RUN npm ci --include=dev --no-audit --no-fund && npm cache clean --force

# The embedded PostgreSQL's data and password (unused when DATABASE_URL is set).
VOLUME ["/data"]
EXPOSE 4020
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.HUB_PORT||4020)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"

CMD ["npm", "run", "hub"]
