-- CreateEnum
CREATE TYPE "EscalationStep" AS ENUM ('REMIND_ASSIGNEE', 'ESCALATE');

-- AlterTable
ALTER TABLE "BusinessUnit" ADD COLUMN     "escalationMembershipId" UUID;

-- CreateTable
CREATE TABLE "TaskEscalation" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "taskId" UUID NOT NULL,
    "step" "EscalationStep" NOT NULL,
    "recipientMembershipId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),

    CONSTRAINT "TaskEscalation_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "Digest" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "membershipId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "newCount" INTEGER NOT NULL,
    "dueTodayCount" INTEGER NOT NULL,
    "overdueCount" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "Digest_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TaskEscalation_tenantId_taskId_step_recipientMembershipId_key" ON "TaskEscalation"("tenantId", "taskId", "step", "recipientMembershipId");

-- CreateIndex
CREATE UNIQUE INDEX "Digest_tenantId_membershipId_day_key" ON "Digest"("tenantId", "membershipId", "day");

-- AddForeignKey
ALTER TABLE "BusinessUnit" ADD CONSTRAINT "BusinessUnit_tenantId_escalationMembershipId_fkey" FOREIGN KEY ("tenantId", "escalationMembershipId") REFERENCES "Membership"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskEscalation" ADD CONSTRAINT "TaskEscalation_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskEscalation" ADD CONSTRAINT "TaskEscalation_tenantId_taskId_fkey" FOREIGN KEY ("tenantId", "taskId") REFERENCES "FollowUpTask"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskEscalation" ADD CONSTRAINT "TaskEscalation_tenantId_recipientMembershipId_fkey" FOREIGN KEY ("tenantId", "recipientMembershipId") REFERENCES "Membership"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Digest" ADD CONSTRAINT "Digest_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Digest" ADD CONSTRAINT "Digest_tenantId_membershipId_fkey" FOREIGN KEY ("tenantId", "membershipId") REFERENCES "Membership"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

SELECT kringloop_enable_rls('"TaskEscalation"');
SELECT kringloop_enable_rls('"Digest"');
