-- AlterTable
ALTER TABLE "Generation" ADD COLUMN     "estimateMicroUsd" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "ownKey" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Lora" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "base" TEXT NOT NULL,
    "card" TEXT NOT NULL,
    "metadataAvailable" BOOLEAN NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Lora_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Lora_key_key" ON "Lora"("key");

-- CreateIndex
CREATE INDEX "Lora_path_idx" ON "Lora"("path");

-- CreateIndex
CREATE INDEX "Lora_fetchedAt_idx" ON "Lora"("fetchedAt");

-- CreateIndex
CREATE INDEX "Generation_createdAt_idx" ON "Generation"("createdAt");

