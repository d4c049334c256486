CREATE TABLE "PhraseFamily" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "patterns" TEXT NOT NULL,
    "exceptions" TEXT NOT NULL DEFAULT '',
    "explanation" TEXT NOT NULL,
    "suggestion" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "PhraseFamily_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "PhraseFamily_key_key" ON "PhraseFamily"("key");

CREATE INDEX "PhraseFamily_enabled_idx" ON "PhraseFamily"("enabled");

ALTER TABLE "PhraseFamily" ADD CONSTRAINT "PhraseFamily_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
