-- CreateEnum
CREATE TYPE "DistributionStatus" AS ENUM ('CREATING', 'SENDING', 'PAUSED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "SkipReason" ADD VALUE 'ACCOUNT_FATIGUE';
ALTER TYPE "SkipReason" ADD VALUE 'DETRACTOR_FOLLOW_UP';
ALTER TYPE "SkipReason" ADD VALUE 'NO_EMAIL';
ALTER TYPE "SkipReason" ADD VALUE 'INACTIVE_COMPANY';

-- DropIndex
DROP INDEX "Invitation_tenantId_distributionId_idx";

-- AlterTable
ALTER TABLE "Company" ADD COLUMN     "active" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Distribution" ADD COLUMN     "cursorContactId" UUID,
ADD COLUMN     "pausedAt" TIMESTAMP(3),
ADD COLUMN     "plannedInvite" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "plannedTotal" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "preparedAt" TIMESTAMP(3),
ADD COLUMN     "status" "DistributionStatus" NOT NULL DEFAULT 'CREATING';

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "accountRuleDays" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "accountRuleMax" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "mailRatePerSecond" INTEGER;

-- CreateIndex
CREATE INDEX "FollowUpTask_tenantId_companyId_status_idx" ON "FollowUpTask"("tenantId", "companyId", "status");

-- CreateIndex
CREATE INDEX "Invitation_tenantId_companyId_createdAt_idx" ON "Invitation"("tenantId", "companyId", "createdAt");

-- CreateIndex
CREATE INDEX "Invitation_tenantId_distributionId_status_idx" ON "Invitation"("tenantId", "distributionId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tenantId_distributionId_contactId_key" ON "Invitation"("tenantId", "distributionId", "contactId");

-- Sends made before this migration were created whole, in one transaction: they are prepared.
-- (The owner is subject to FORCEd row-level security like everyone; lifted for this one statement.)
ALTER TABLE "Distribution" NO FORCE ROW LEVEL SECURITY;
UPDATE "Distribution" SET "status" = 'SENDING', "preparedAt" = "createdAt" WHERE "preparedAt" IS NULL;
ALTER TABLE "Distribution" FORCE ROW LEVEL SECURITY;

-- uuid v7 (time-ordered) in SQL, for rows created set-based (INSERT … SELECT): PostgreSQL 15 has none.
-- 48 bits of Unix milliseconds, then the random bits of a v4 uuid with the version set to 7.
CREATE OR REPLACE FUNCTION kringloop_uuidv7() RETURNS uuid
LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
  SELECT encode(
    set_bit(
      set_bit(
        overlay(uuid_send(gen_random_uuid())
          placing substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
          FROM 1 FOR 6),
        52, 1),
      53, 1),
    'hex')::uuid
$$;
