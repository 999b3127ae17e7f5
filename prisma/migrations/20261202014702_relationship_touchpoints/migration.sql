-- CreateEnum
CREATE TYPE "TouchpointKind" AS ENUM ('EVENT', 'RELATIONSHIP');

-- AlterTable
ALTER TABLE "Touchpoint" ADD COLUMN     "cadenceMonths" INTEGER,
ADD COLUMN     "kind" "TouchpointKind" NOT NULL DEFAULT 'EVENT';
