-- CreateEnum
CREATE TYPE "ReplyToMode" AS ENUM ('ACCOUNT_MANAGER', 'SHARED', 'NONE');

-- AlterTable
ALTER TABLE "Company" ADD COLUMN     "phone" TEXT;

-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "phone" TEXT;

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "replyToAddress" TEXT,
ADD COLUMN     "replyToMode" "ReplyToMode" NOT NULL DEFAULT 'ACCOUNT_MANAGER';
