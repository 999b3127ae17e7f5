-- CreateEnum
CREATE TYPE "ReminderStatus" AS ENUM ('QUEUED', 'SENDING', 'SENT', 'SKIPPED', 'FAILED');

-- CreateEnum
CREATE TYPE "ReminderSkipReason" AS ENUM ('ANSWERED', 'UNSUBSCRIBED', 'BOUNCED', 'EXPIRED', 'SURVEY_INACTIVE', 'TOKEN_KEY_RETIRED');

-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN     "reminderDueAt" TIMESTAMP(3),
ADD COLUMN     "reminderLeaseUntil" TIMESTAMP(3),
ADD COLUMN     "reminderSentAt" TIMESTAMP(3),
ADD COLUMN     "reminderSkipReason" "ReminderSkipReason",
ADD COLUMN     "reminderStatus" "ReminderStatus";

-- AlterTable
ALTER TABLE "Survey" ADD COLUMN     "reminderDays" INTEGER NOT NULL DEFAULT 4,
ADD COLUMN     "remindersEnabled" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "Invitation_tenantId_reminderDueAt_idx" ON "Invitation"("tenantId", "reminderDueAt");
