# One image for every Uptrust process: the web app, the ingest and analyze workers, the migrator.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx tsx scripts/prisma-generate.ts && npx tsx scripts/build-workers.ts && npx next build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app /app
# The image's `node` user by number: Kubernetes can verify runAsNonRoot only against a numeric user.
USER 1000:1000
EXPOSE 3000
# The web server's Node flags are scripts/web-node-options.ts's.
CMD ["node", "--max-semi-space-size=64", "node_modules/next/dist/bin/next", "start", "-p", "3000"]
