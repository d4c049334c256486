ALTER TABLE "Acknowledgement" ALTER COLUMN "userId" DROP NOT NULL;

ALTER TABLE "Feedback" ALTER COLUMN "authorId" DROP NOT NULL;

ALTER TABLE "Membership" ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'manual';

ALTER TABLE "User" ADD COLUMN     "employeeNumber" TEXT,
ADD COLUMN     "erasedAt" TIMESTAMP(3),
ADD COLUMN     "oidcSubject" TEXT,
ADD COLUMN     "orgRoleFromSso" BOOLEAN NOT NULL DEFAULT false,
ALTER COLUMN "email" DROP NOT NULL;

CREATE TABLE "SsoGroupMapping" (
    "id" TEXT NOT NULL,
    "group" TEXT NOT NULL,
    "orgRole" "OrgRole",
    "regionId" TEXT,
    "regionRole" "RegionRole",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SsoGroupMapping_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "SsoGroupMapping_group_idx" ON "SsoGroupMapping"("group");

CREATE UNIQUE INDEX "SsoGroupMapping_group_regionId_key" ON "SsoGroupMapping"("group", "regionId");

CREATE UNIQUE INDEX "User_employeeNumber_key" ON "User"("employeeNumber");

CREATE UNIQUE INDEX "User_oidcSubject_key" ON "User"("oidcSubject");

ALTER TABLE "SsoGroupMapping" ADD CONSTRAINT "SsoGroupMapping_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE CASCADE ON UPDATE CASCADE;
