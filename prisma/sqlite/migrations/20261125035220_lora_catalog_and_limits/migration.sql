-- CreateTable
CREATE TABLE "Lora" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "base" TEXT NOT NULL,
    "card" TEXT NOT NULL,
    "metadataAvailable" BOOLEAN NOT NULL,
    "fetchedAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "completedAt" DATETIME
);
INSERT INTO "new_Generation" ("billedMegapixels", "clientRequestId", "completedAt", "costMicroUsd", "createdAt", "errorCode", "errorMessage", "guidance", "height", "id", "model", "n", "ownerId", "prompt", "provider", "seed", "status", "steps", "updatedAt", "userPrompt", "width") SELECT "billedMegapixels", "clientRequestId", "completedAt", "costMicroUsd", "createdAt", "errorCode", "errorMessage", "guidance", "height", "id", "model", "n", "ownerId", "prompt", "provider", "seed", "status", "steps", "updatedAt", "userPrompt", "width" FROM "Generation";
DROP TABLE "Generation";
ALTER TABLE "new_Generation" RENAME TO "Generation";
CREATE INDEX "Generation_ownerId_createdAt_id_idx" ON "Generation"("ownerId", "createdAt" DESC, "id" DESC);
CREATE INDEX "Generation_status_createdAt_idx" ON "Generation"("status", "createdAt");
CREATE INDEX "Generation_createdAt_idx" ON "Generation"("createdAt");
CREATE UNIQUE INDEX "Generation_ownerId_clientRequestId_key" ON "Generation"("ownerId", "clientRequestId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Lora_key_key" ON "Lora"("key");

-- CreateIndex
CREATE INDEX "Lora_path_idx" ON "Lora"("path");

-- CreateIndex
CREATE INDEX "Lora_fetchedAt_idx" ON "Lora"("fetchedAt");

