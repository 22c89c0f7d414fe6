-- CreateIndex
CREATE INDEX "Grid_collectionId_idx" ON "Grid"("collectionId");

