-- CreateTable
CREATE TABLE "Grid" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "plan" TEXT NOT NULL,
    "collectionId" TEXT,
    "priceMicroUsd" INTEGER NOT NULL DEFAULT 0,
    "cellCount" INTEGER NOT NULL,
    "cancelledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "GridCell" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "gridId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "z" INTEGER NOT NULL,
    "x" INTEGER,
    "y" INTEGER,
    "baseline" BOOLEAN NOT NULL DEFAULT false,
    "input" TEXT NOT NULL,
    "keyScope" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "notBefore" DATETIME,
    "leaseOwner" TEXT,
    "leaseExpiresAt" DATETIME,
    "generationId" TEXT,
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "mayBeCharged" BOOLEAN NOT NULL DEFAULT false,
    "costMicroUsd" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    CONSTRAINT "GridCell_gridId_fkey" FOREIGN KEY ("gridId") REFERENCES "Grid" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProviderPause" (
    "keyScope" TEXT NOT NULL PRIMARY KEY,
    "until" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PromptSet" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prompts" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "Grid_ownerId_createdAt_idx" ON "Grid"("ownerId", "createdAt");

-- CreateIndex
CREATE INDEX "GridCell_status_notBefore_idx" ON "GridCell"("status", "notBefore");

-- CreateIndex
CREATE INDEX "GridCell_gridId_position_idx" ON "GridCell"("gridId", "position");

-- CreateIndex
CREATE INDEX "GridCell_status_leaseExpiresAt_idx" ON "GridCell"("status", "leaseExpiresAt");

-- CreateIndex
CREATE INDEX "PromptSet_ownerId_updatedAt_idx" ON "PromptSet"("ownerId", "updatedAt");

