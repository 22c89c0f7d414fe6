-- CreateTable
CREATE TABLE "ModelRefusal" (
    "id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "keyScope" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "catalogFingerprint" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ModelRefusal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ModelRefusal_keyScope_idx" ON "ModelRefusal"("keyScope");

-- CreateIndex
CREATE UNIQUE INDEX "ModelRefusal_provider_model_keyScope_kind_key" ON "ModelRefusal"("provider", "model", "keyScope", "kind");

