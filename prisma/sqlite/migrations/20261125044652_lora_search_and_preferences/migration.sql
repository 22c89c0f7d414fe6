-- CreateTable
CREATE TABLE "LoraPreference" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "loraPath" TEXT NOT NULL,
    "favorite" BOOLEAN NOT NULL DEFAULT false,
    "scale" REAL,
    "triggers" TEXT,
    "placement" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Lora" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "base" TEXT NOT NULL,
    "card" TEXT NOT NULL,
    "metadataAvailable" BOOLEAN NOT NULL,
    "fetchedAt" DATETIME NOT NULL,
    "triggers" TEXT NOT NULL DEFAULT '[]',
    "tags" TEXT NOT NULL DEFAULT '[]',
    "previewUrl" TEXT,
    "starter" BOOLEAN NOT NULL DEFAULT false,
    "usageCount" INTEGER NOT NULL DEFAULT 0,
    "lastUsedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Lora" ("base", "card", "createdAt", "fetchedAt", "id", "key", "metadataAvailable", "path", "source", "title", "updatedAt") SELECT "base", "card", "createdAt", "fetchedAt", "id", "key", "metadataAvailable", "path", "source", "title", "updatedAt" FROM "Lora";
DROP TABLE "Lora";
ALTER TABLE "new_Lora" RENAME TO "Lora";
CREATE UNIQUE INDEX "Lora_key_key" ON "Lora"("key");
CREATE INDEX "Lora_path_idx" ON "Lora"("path");
CREATE INDEX "Lora_fetchedAt_idx" ON "Lora"("fetchedAt");
CREATE INDEX "Lora_usageCount_idx" ON "Lora"("usageCount");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "LoraPreference_ownerId_loraPath_key" ON "LoraPreference"("ownerId", "loraPath");

