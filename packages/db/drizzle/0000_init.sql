CREATE TABLE "audit_log" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"reason" text,
	"details" jsonb,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "courts" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"code" text NOT NULL,
	"region" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "execution_units" (
	"id" text PRIMARY KEY NOT NULL,
	"court_id" text NOT NULL,
	"name" text NOT NULL,
	"judge" text NOT NULL,
	"assistant" text NOT NULL,
	"clerk" text NOT NULL,
	"bailiff" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "listings" (
	"id" text PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"id_number" text,
	"birth_date" date,
	"gender" text,
	"uscc" text,
	"legal_representative" text,
	"case_no" text NOT NULL,
	"court" text NOT NULL,
	"filed_at" date NOT NULL,
	"basis_issuer" text NOT NULL,
	"basis_doc_no" text NOT NULL,
	"obligation" text NOT NULL,
	"performance" text NOT NULL,
	"category" smallint NOT NULL,
	"amount_owed_fen" bigint NOT NULL,
	"livelihood" boolean DEFAULT false NOT NULL,
	"region" text NOT NULL,
	"listed_at" date,
	"term_ends_at" date,
	"term_extension_years" smallint,
	"unit_id" text,
	"demo" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone,
	"removed_at" timestamp with time zone,
	"removal_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "listings_status_ck" CHECK ("listings"."status" in ('draft', 'published', 'removed')),
	CONSTRAINT "listings_kind_ck" CHECK ("listings"."kind" in ('person', 'org')),
	CONSTRAINT "listings_category_ck" CHECK ("listings"."category" between 1 and 6),
	CONSTRAINT "listings_amount_ck" CHECK ("listings"."amount_owed_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"topic" text NOT NULL,
	"key" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"done_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "staff" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"court_id" text NOT NULL,
	"unit_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"staff_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "execution_units" ADD CONSTRAINT "execution_units_court_id_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_unit_id_execution_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."execution_units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_court_id_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_unit_id_execution_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."execution_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_tokens" ADD CONSTRAINT "staff_tokens_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "courts_code_uq" ON "courts" USING btree ("code");--> statement-breakpoint
CREATE INDEX "execution_units_court_idx" ON "execution_units" USING btree ("court_id");--> statement-breakpoint
CREATE INDEX "listings_status_idx" ON "listings" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "listings_unit_idx" ON "listings" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "listings_case_no_idx" ON "listings" USING btree ("case_no");--> statement-breakpoint
CREATE INDEX "listings_id_number_idx" ON "listings" USING btree ("id_number");--> statement-breakpoint
CREATE INDEX "listings_uscc_idx" ON "listings" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "listings_term_ends_idx" ON "listings" USING btree ("term_ends_at") WHERE "listings"."status" = 'published';--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("next_attempt_at","id") WHERE "outbox"."done_at" is null;--> statement-breakpoint
CREATE INDEX "staff_court_idx" ON "staff" USING btree ("court_id");--> statement-breakpoint
CREATE INDEX "staff_unit_idx" ON "staff" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_tokens_hash_uq" ON "staff_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "staff_tokens_staff_idx" ON "staff_tokens" USING btree ("staff_id");