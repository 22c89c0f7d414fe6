-- CreateTable
CREATE TABLE "OwnerLora" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "OwnerLora_ownerId_path_key" ON "OwnerLora"("ownerId", "path");
