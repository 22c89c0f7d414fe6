-- AlterTable
ALTER TABLE "Generation" ADD COLUMN     "addressKey" TEXT,
ADD COLUMN     "attemptedAt" TIMESTAMP(3),
ADD COLUMN     "cancelAskedAt" TIMESTAMP(3),
ADD COLUMN     "leaseExpiresAt" TIMESTAMP(3),
ADD COLUMN     "mayBeCharged" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "pendingKeys" TEXT;

-- CreateTable
CREATE TABLE "RateEvent" (
    "id" TEXT NOT NULL,
    "bucket" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RateEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RateEvent_bucket_key_createdAt_idx" ON "RateEvent"("bucket", "key", "createdAt");

-- CreateIndex
CREATE INDEX "RateEvent_createdAt_idx" ON "RateEvent"("createdAt");

-- CreateIndex
CREATE INDEX "Generation_status_leaseExpiresAt_idx" ON "Generation"("status", "leaseExpiresAt");

-- CreateIndex
CREATE INDEX "Generation_addressKey_createdAt_idx" ON "Generation"("addressKey", "createdAt");

