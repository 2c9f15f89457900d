-- Issue 14: full ID numbers encrypted at rest (item 3), retention purge (item 4), corrections in
-- place (item 8), terms, decisions and removal clocks (items 9–11).
--
-- ID numbers: the ciphertext (AES-256-GCM, key id prefix, AAD = row id + column) and a keyed hash
-- for look-ups are written by the application, which holds the keys; the masked public form is
-- derived here. Existing clear values stay in "id_number" until the application encrypts them at
-- start-up (migrateIdNumbersAtRest) and clears the column; nothing writes it any more.
ALTER TABLE "listings" ADD COLUMN "id_number_enc" text;--> statement-breakpoint
ALTER TABLE "listings" ADD COLUMN "id_number_hash" text;--> statement-breakpoint
ALTER TABLE "listings" ADD COLUMN "id_number_masked" text;--> statement-breakpoint
UPDATE "listings" SET "id_number_masked" = substr("id_number", 1, 10) || '****' || substr("id_number", 15)
  WHERE "id_number" IS NOT NULL AND length("id_number") = 18;--> statement-breakpoint
DROP INDEX IF EXISTS "listings_id_number_idx";--> statement-breakpoint
CREATE INDEX "listings_id_number_hash_idx" ON "listings" USING btree ("id_number_hash");--> statement-breakpoint
CREATE INDEX "listings_case_no_hash_idx" ON "listings" USING btree ("case_no", "id_number_hash");--> statement-breakpoint
ALTER TABLE "listings" ADD COLUMN "org_code" text;--> statement-breakpoint
ALTER TABLE "listings" ADD COLUMN "legal_representative_role" text;--> statement-breakpoint
ALTER TABLE "listings" ADD COLUMN "decision_doc_no" text;--> statement-breakpoint
ALTER TABLE "listings" ADD COLUMN "decision_date" date;--> statement-breakpoint
ALTER TABLE "listings" ADD COLUMN "term_extension_ground" text;--> statement-breakpoint
ALTER TABLE "listings" ADD COLUMN "term_extension_decision_no" text;--> statement-breakpoint
ALTER TABLE "listings" ADD COLUMN "term_extension_decision_date" date;--> statement-breakpoint
ALTER TABLE "listings" ADD COLUMN "applicant" text;--> statement-breakpoint
ALTER TABLE "listings" ADD COLUMN "removal_event_date" date;--> statement-breakpoint
ALTER TABLE "listings" ADD COLUMN "removal_deadline" date;--> statement-breakpoint
ALTER TABLE "listings" ADD COLUMN "removal_deadline_estimated" boolean;--> statement-breakpoint
ALTER TABLE "listings" ADD COLUMN "purged_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "listings_retention_idx" ON "listings" USING btree ("removed_at") WHERE "status" = 'removed' AND "purged_at" IS NULL;
