-- AlterTable
ALTER TABLE "FollowUpTask" ADD COLUMN     "realertedAt" TIMESTAMP(3);
