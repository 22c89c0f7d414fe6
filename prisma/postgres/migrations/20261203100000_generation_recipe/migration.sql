-- AlterTable
ALTER TABLE "Generation" ADD COLUMN     "customTriggers" TEXT,
ADD COLUMN     "triggerPlacement" TEXT;

-- AlterTable
ALTER TABLE "GenerationLora" ADD COLUMN     "triggers" TEXT;
