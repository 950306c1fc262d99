# The compiled server on a slim Node image. Configure it with the same environment variables as
# anywhere else (DATABASE_URL, REDIS_URL, PORT, LOG_LEVEL, ...; see src/config.ts).

FROM node:22-bookworm-slim AS build
WORKDIR /app
# npm ci runs postinstall (`prisma generate`), which needs the schema, its generators and the config.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# The dashboard (web/) is bundled into dist/dashboard by the same build.
COPY web ./web
COPY scripts/build-dashboard.ts ./scripts/
# The generated Prisma client lives in src/generated and is compiled into dist with the rest.
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:22-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Applied at start by the server's own runner, which looks for them next to dist/.
COPY --from=build /app/prisma/migrations ./prisma/migrations
# Without DATABASE_URL the server keeps an embedded database in ./.data: writable by the app user.
RUN mkdir .data && chown node:node .data
USER node
EXPOSE 4000
# No curl in the slim image: Node's own fetch checks liveness.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The flags of package.json's config.serverNodeFlags (a test keeps the two equal): a young
# generation large enough that a batch of events mostly dies young instead of being copied around.
CMD ["node", "--max-semi-space-size=32", "dist/src/main.js"]
