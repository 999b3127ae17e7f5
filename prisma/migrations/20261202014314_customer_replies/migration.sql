-- CreateEnum
CREATE TYPE "ContactKind" AS ENUM ('EMAIL', 'CALL', 'MEETING');

-- CreateEnum
CREATE TYPE "ReplyState" AS ENUM ('QUEUED', 'SENDING', 'SENT', 'FAILED');

-- AlterTable
ALTER TABLE "FollowUpTask" ADD COLUMN     "contactedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "CustomerContact" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "taskId" UUID NOT NULL,
    "authorMembershipId" UUID,
    "kind" "ContactKind" NOT NULL,
    "subject" TEXT,
    "body" TEXT NOT NULL,
    "toEmail" TEXT,
    "replyTo" TEXT,
    "locale" "Locale",
    "state" "ReplyState",
    "leaseUntil" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "messageId" TEXT,
    "failureReason" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustomerContact_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "PraiseShare" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "taskId" UUID NOT NULL,
    "authorMembershipId" UUID,
    "note" TEXT,
    "recipientIds" UUID[],
    "leaseUntil" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PraiseShare_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateIndex
CREATE INDEX "CustomerContact_tenantId_taskId_createdAt_idx" ON "CustomerContact"("tenantId", "taskId", "createdAt");

-- CreateIndex
CREATE INDEX "PraiseShare_tenantId_taskId_idx" ON "PraiseShare"("tenantId", "taskId");

-- AddForeignKey
ALTER TABLE "CustomerContact" ADD CONSTRAINT "CustomerContact_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerContact" ADD CONSTRAINT "CustomerContact_tenantId_taskId_fkey" FOREIGN KEY ("tenantId", "taskId") REFERENCES "FollowUpTask"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerContact" ADD CONSTRAINT "CustomerContact_tenantId_authorMembershipId_fkey" FOREIGN KEY ("tenantId", "authorMembershipId") REFERENCES "Membership"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PraiseShare" ADD CONSTRAINT "PraiseShare_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PraiseShare" ADD CONSTRAINT "PraiseShare_tenantId_taskId_fkey" FOREIGN KEY ("tenantId", "taskId") REFERENCES "FollowUpTask"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PraiseShare" ADD CONSTRAINT "PraiseShare_tenantId_authorMembershipId_fkey" FOREIGN KEY ("tenantId", "authorMembershipId") REFERENCES "Membership"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Row-level security on the new tenant tables (docs/ARCHITECTURE.md).
SELECT kringloop_enable_rls('"CustomerContact"');
SELECT kringloop_enable_rls('"PraiseShare"');
