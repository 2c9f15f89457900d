-- Issue 14: the clear ID-number column goes (item 3), and a removal on a creditor's written request
-- records which creditor asked (item 10, art. 10 ¶1 (三) and ¶4).
--
-- "id_number" held full ID numbers in clear before 0007. The application encrypts them in its
-- migration hook (encryptClearIdNumbers, run after 0008 and before this file); a database that
-- still holds a clear value here was migrated without the keys, so this migration stops rather
-- than lose the number.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM "listings" WHERE "id_number" IS NOT NULL) THEN
    RAISE EXCEPTION 'listings.id_number still holds clear ID numbers: open the database with the API (it encrypts them) before migration 0009';
  END IF;
END
$$;--> statement-breakpoint
ALTER TABLE "listings" DROP COLUMN "id_number";--> statement-breakpoint
ALTER TABLE "listings" ADD COLUMN "removal_creditor" text;--> statement-breakpoint
-- before 0009 a withdrawal was always the listing's applicant's
UPDATE "listings" SET "removal_creditor" = "applicant" WHERE "removal_reason" = 'withdrawn' AND "applicant" IS NOT NULL;
