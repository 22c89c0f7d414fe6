-- AlterTable
ALTER TABLE "Lora" ADD COLUMN     "lastUsedAt" TIMESTAMP(3),
ADD COLUMN     "previewUrl" TEXT,
ADD COLUMN     "starter" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "tags" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "triggers" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "usageCount" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "LoraPreference" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "loraPath" TEXT NOT NULL,
    "favorite" BOOLEAN NOT NULL DEFAULT false,
    "scale" DOUBLE PRECISION,
    "triggers" TEXT,
    "placement" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LoraPreference_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LoraPreference_ownerId_loraPath_key" ON "LoraPreference"("ownerId", "loraPath");

-- CreateIndex
CREATE INDEX "Lora_usageCount_idx" ON "Lora"("usageCount");

