CREATE TABLE "Throttle" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "windowEnds" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Throttle_pkey" PRIMARY KEY ("key")
);

CREATE TABLE "HealthCheck" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "checkedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HealthCheck_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Throttle_windowEnds_idx" ON "Throttle"("windowEnds");

-- Two principles on one position (left by a reorder race before this migration) get consecutive
-- places in their current order first, so the unique index can be built.
UPDATE "Principle" AS p SET "position" = ordered.place
FROM (
  SELECT "id", row_number() OVER (ORDER BY "position", "createdAt", "id")::int AS place
  FROM "Principle" WHERE "position" IS NOT NULL
) AS ordered
WHERE p."id" = ordered."id" AND p."position" IS DISTINCT FROM ordered.place;

CREATE UNIQUE INDEX "Principle_position_key" ON "Principle"("position");
