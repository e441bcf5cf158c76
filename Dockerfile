# One image for the API, serving the built console, widget and demo shop on one port.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/console/package.json apps/console/
COPY apps/widget/package.json apps/widget/
COPY packages/core/package.json packages/core/
COPY packages/contracts/package.json packages/contracts/
COPY packages/realtime-client/package.json packages/realtime-client/
COPY packages/db/package.json packages/db/
COPY packages/channels/package.json packages/channels/
COPY e2e/package.json e2e/
COPY bench/package.json bench/
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/* \
  && npm ci --include=dev --no-audit --no-fund
COPY . .
RUN npm run build
EXPOSE 3000
VOLUME ["/app/data"]
CMD ["node", "--import", "tsx", "apps/api/src/server.ts"]
