# One image for every Junction process; docker-compose picks the process with `command`.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json turbo.json tsconfig.base.json tsconfig.json ./
COPY shared shared
COPY services services
COPY gateway gateway
COPY schema schema
COPY launcher launcher
COPY test/package.json test/package.json
COPY bench/package.json bench/package.json
RUN npm ci --no-audit --no-fund && TURBO_TELEMETRY_DISABLED=1 npx turbo run build && npm prune --omit=dev

FROM node:22-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app /app
USER node
CMD ["node", "launcher/dist/index.js"]
