-- AlterTable
ALTER TABLE "Grid" ADD COLUMN "keys" TEXT;

