-- AlterEnum
ALTER TYPE "SkipReason" ADD VALUE 'SURVEY_INACTIVE';

-- AlterTable
ALTER TABLE "FollowUpTask" ADD COLUMN     "alertLeaseUntil" TIMESTAMP(3);
