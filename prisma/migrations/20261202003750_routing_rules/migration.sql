-- CreateEnum
CREATE TYPE "RouteTarget" AS ENUM ('MEMBER', 'TEAM', 'OWNER');

-- CreateTable
CREATE TABLE "RoutingRule" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "touchpointId" UUID,
    "phase" "JourneyPhase",
    "category" "NpsCategory",
    "scoreMin" SMALLINT,
    "scoreMax" SMALLINT,
    "businessUnitId" UUID,
    "companyId" UUID,
    "region" TEXT,
    "target" "RouteTarget" NOT NULL,
    "targetMembershipId" UUID,
    "targetTeamId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoutingRule_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "RoutingTeam" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "turns" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoutingTeam_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "RoutingTeamMember" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "membershipId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoutingTeamMember_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateIndex
CREATE INDEX "RoutingRule_tenantId_position_idx" ON "RoutingRule"("tenantId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "RoutingTeam_tenantId_name_key" ON "RoutingTeam"("tenantId", "name");

-- CreateIndex
CREATE INDEX "RoutingTeamMember_tenantId_membershipId_idx" ON "RoutingTeamMember"("tenantId", "membershipId");

-- CreateIndex
CREATE UNIQUE INDEX "RoutingTeamMember_tenantId_teamId_membershipId_key" ON "RoutingTeamMember"("tenantId", "teamId", "membershipId");

-- AddForeignKey
ALTER TABLE "RoutingRule" ADD CONSTRAINT "RoutingRule_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoutingRule" ADD CONSTRAINT "RoutingRule_tenantId_touchpointId_fkey" FOREIGN KEY ("tenantId", "touchpointId") REFERENCES "Touchpoint"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoutingRule" ADD CONSTRAINT "RoutingRule_tenantId_businessUnitId_fkey" FOREIGN KEY ("tenantId", "businessUnitId") REFERENCES "BusinessUnit"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoutingRule" ADD CONSTRAINT "RoutingRule_tenantId_companyId_fkey" FOREIGN KEY ("tenantId", "companyId") REFERENCES "Company"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoutingRule" ADD CONSTRAINT "RoutingRule_tenantId_targetTeamId_fkey" FOREIGN KEY ("tenantId", "targetTeamId") REFERENCES "RoutingTeam"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoutingTeam" ADD CONSTRAINT "RoutingTeam_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoutingTeamMember" ADD CONSTRAINT "RoutingTeamMember_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoutingTeamMember" ADD CONSTRAINT "RoutingTeamMember_tenantId_teamId_fkey" FOREIGN KEY ("tenantId", "teamId") REFERENCES "RoutingTeam"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoutingTeamMember" ADD CONSTRAINT "RoutingTeamMember_tenantId_membershipId_fkey" FOREIGN KEY ("tenantId", "membershipId") REFERENCES "Membership"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security on the new tenant tables (docs/ARCHITECTURE.md).
SELECT kringloop_enable_rls('"RoutingRule"');
SELECT kringloop_enable_rls('"RoutingTeam"');
SELECT kringloop_enable_rls('"RoutingTeamMember"');
