-- CreateIndex
CREATE INDEX "GridCell_ownerId_status_idx" ON "GridCell"("ownerId", "status");

-- CreateIndex
CREATE INDEX "GridCell_ownerId_startedAt_idx" ON "GridCell"("ownerId", "startedAt");

