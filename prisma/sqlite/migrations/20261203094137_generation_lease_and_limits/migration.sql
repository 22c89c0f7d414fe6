-- CreateTable
CREATE TABLE "RateEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bucket" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Generation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "clientRequestId" TEXT NOT NULL,
    "userPrompt" TEXT NOT NULL,
    "prompt" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "steps" INTEGER NOT NULL,
    "n" INTEGER NOT NULL,
    "seed" INTEGER NOT NULL,
    "guidance" REAL,
    "provider" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "billedMegapixels" INTEGER NOT NULL DEFAULT 0,
    "costMicroUsd" INTEGER NOT NULL DEFAULT 0,
    "estimateMicroUsd" INTEGER NOT NULL DEFAULT 0,
    "ownKey" BOOLEAN NOT NULL DEFAULT false,
    "shareSlug" TEXT,
    "sharedAt" DATETIME,
    "deletedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "completedAt" DATETIME,
    "leaseExpiresAt" DATETIME,
    "cancelAskedAt" DATETIME,
    "attemptedAt" DATETIME,
    "mayBeCharged" BOOLEAN NOT NULL DEFAULT false,
    "pendingKeys" TEXT,
    "addressKey" TEXT
);
INSERT INTO "new_Generation" ("billedMegapixels", "clientRequestId", "completedAt", "costMicroUsd", "createdAt", "deletedAt", "errorCode", "errorMessage", "estimateMicroUsd", "guidance", "height", "id", "model", "n", "ownKey", "ownerId", "prompt", "provider", "seed", "shareSlug", "sharedAt", "status", "steps", "updatedAt", "userPrompt", "width") SELECT "billedMegapixels", "clientRequestId", "completedAt", "costMicroUsd", "createdAt", "deletedAt", "errorCode", "errorMessage", "estimateMicroUsd", "guidance", "height", "id", "model", "n", "ownKey", "ownerId", "prompt", "provider", "seed", "shareSlug", "sharedAt", "status", "steps", "updatedAt", "userPrompt", "width" FROM "Generation";
DROP TABLE "Generation";
ALTER TABLE "new_Generation" RENAME TO "Generation";
CREATE UNIQUE INDEX "Generation_shareSlug_key" ON "Generation"("shareSlug");
CREATE INDEX "Generation_ownerId_createdAt_id_idx" ON "Generation"("ownerId", "createdAt" DESC, "id" DESC);
CREATE INDEX "Generation_status_createdAt_idx" ON "Generation"("status", "createdAt");
CREATE INDEX "Generation_status_leaseExpiresAt_idx" ON "Generation"("status", "leaseExpiresAt");
CREATE INDEX "Generation_addressKey_createdAt_idx" ON "Generation"("addressKey", "createdAt");
CREATE INDEX "Generation_createdAt_idx" ON "Generation"("createdAt");
CREATE INDEX "Generation_ownerId_costMicroUsd_id_idx" ON "Generation"("ownerId", "costMicroUsd", "id");
CREATE UNIQUE INDEX "Generation_ownerId_clientRequestId_key" ON "Generation"("ownerId", "clientRequestId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "RateEvent_bucket_key_createdAt_idx" ON "RateEvent"("bucket", "key", "createdAt");

-- CreateIndex
CREATE INDEX "RateEvent_createdAt_idx" ON "RateEvent"("createdAt");

