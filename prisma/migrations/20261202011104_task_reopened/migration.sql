-- AlterTable
ALTER TABLE "FollowUpTask" ADD COLUMN     "reopenedAt" TIMESTAMP(3);
