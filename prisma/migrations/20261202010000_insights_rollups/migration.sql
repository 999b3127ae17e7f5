-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "insightsClosedThrough" DATE,
ADD COLUMN     "insightsMinN" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "insightsTimeZone" TEXT;

-- CreateTable
CREATE TABLE "InsightDaily" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "touchpointId" UUID NOT NULL,
    "businessUnitId" UUID,
    "region" TEXT,
    "ownerMembershipId" UUID,
    "promoters" INTEGER NOT NULL,
    "passives" INTEGER NOT NULL,
    "detractors" INTEGER NOT NULL,

    CONSTRAINT "InsightDaily_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "InsightDirtyDay" (
    "tenantId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InsightDirtyDay_pkey" PRIMARY KEY ("tenantId","day")
);

-- CreateIndex
CREATE INDEX "InsightDaily_tenantId_day_idx" ON "InsightDaily"("tenantId", "day");

-- AddForeignKey
ALTER TABLE "InsightDaily" ADD CONSTRAINT "InsightDaily_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InsightDirtyDay" ADD CONSTRAINT "InsightDirtyDay_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written below this line (not in schema.prisma).

-- uuid v7 in SQL (Postgres 15 has no uuidv7()): 48 bits of Unix milliseconds, version 7, random rest.
CREATE OR REPLACE FUNCTION kringloop_uuidv7() RETURNS uuid AS $$
  SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
    PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
    FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid;
$$ LANGUAGE sql VOLATILE;

-- A company that moves to another business unit, region or account manager marks the rolled-up days
-- of its answers dirty, in the statement that moves it (every path that edits a company is covered).
CREATE OR REPLACE FUNCTION kringloop_insights_company_moved() RETURNS trigger AS $$
BEGIN
  INSERT INTO "InsightDirtyDay" ("tenantId", "day", "createdAt")
  SELECT DISTINCT r."tenantId", ((r."submittedAt" AT TIME ZONE 'UTC') AT TIME ZONE t."timeZone")::date, now()
  FROM "Response" r JOIN "Tenant" t ON t."id" = r."tenantId"
  WHERE r."tenantId" = NEW."tenantId" AND r."companyId" = NEW."id"
    AND t."insightsClosedThrough" IS NOT NULL
    AND ((r."submittedAt" AT TIME ZONE 'UTC') AT TIME ZONE t."timeZone")::date <= t."insightsClosedThrough"
  ON CONFLICT ("tenantId", "day") DO NOTHING;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER insights_company_moved
  AFTER UPDATE OF "businessUnitId", "region", "ownerMembershipId" ON "Company"
  FOR EACH ROW
  WHEN (OLD."businessUnitId" IS DISTINCT FROM NEW."businessUnitId"
     OR OLD."region" IS DISTINCT FROM NEW."region"
     OR OLD."ownerMembershipId" IS DISTINCT FROM NEW."ownerMembershipId")
  EXECUTE FUNCTION kringloop_insights_company_moved();

SELECT kringloop_enable_rls('"InsightDaily"');
SELECT kringloop_enable_rls('"InsightDirtyDay"');
