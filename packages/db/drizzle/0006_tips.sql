CREATE TABLE "tip_notifications" (
	"id" text PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"unit_id" text,
	"event" text NOT NULL,
	"payload" jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"dead_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reward_notices" (
	"id" text PRIMARY KEY NOT NULL,
	"listing_id" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"amount_fen" bigint,
	"rate_percent" numeric,
	"conditions" jsonb NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"applicant_name" text,
	"applicant_kind" text DEFAULT 'person' NOT NULL,
	"application_received_on" date NOT NULL,
	"decision_deadline" date NOT NULL,
	"promise_to_pay" boolean NOT NULL,
	"venues" jsonb NOT NULL,
	"court_phone" text,
	"tip_seq" integer DEFAULT 0 NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reward_notices_status_ck" CHECK ("reward_notices"."status" in ('draft', 'published', 'ended')),
	CONSTRAINT "reward_notices_terms_ck" CHECK (("reward_notices"."amount_fen" is null) <> ("reward_notices"."rate_percent" is null))
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"key_hash" text PRIMARY KEY NOT NULL,
	"scope" text NOT NULL,
	"fingerprint" text NOT NULL,
	"response_sealed" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tip_attachments" (
	"id" text PRIMARY KEY NOT NULL,
	"tip_id" text NOT NULL,
	"path" text NOT NULL,
	"content_type" text NOT NULL,
	"bytes" integer NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tip_events" (
	"id" text PRIMARY KEY NOT NULL,
	"tip_id" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"staff_id" text NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"message_to_tipster" text
);
--> statement-breakpoint
CREATE TABLE "tip_reveal_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"tip_id" text NOT NULL,
	"unit_id" text,
	"requested_by" text NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"revealed_at" timestamp with time zone,
	CONSTRAINT "tip_reveal_requests_status_ck" CHECK ("tip_reveal_requests"."status" in ('pending', 'approved', 'rejected', 'revealed'))
);
--> statement-breakpoint
CREATE TABLE "tips" (
	"id" text PRIMARY KEY NOT NULL,
	"listing_id" text NOT NULL,
	"reward_notice_id" text,
	"registration_no" integer,
	"registered_at" timestamp with time zone,
	"kind" text NOT NULL,
	"asset_type" text,
	"consumption_item" smallint,
	"description" text NOT NULL,
	"seen_at" timestamp with time zone,
	"place" text,
	"location_lat" double precision,
	"location_lng" double precision,
	"contact_sealed" text,
	"has_contact" boolean DEFAULT false NOT NULL,
	"receipt_hash" text NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"opened_at" timestamp with time zone,
	"photo_count" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tips_kind_ck" CHECK ("tips"."kind" in ('asset', 'whereabouts', 'consumption', 'other')),
	CONSTRAINT "tips_status_ck" CHECK ("tips"."status" in ('received', 'in_review', 'verified', 'not_useful', 'closed'))
);
--> statement-breakpoint
ALTER TABLE "reward_notices" ADD CONSTRAINT "reward_notices_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tip_attachments" ADD CONSTRAINT "tip_attachments_tip_id_tips_id_fk" FOREIGN KEY ("tip_id") REFERENCES "public"."tips"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tip_events" ADD CONSTRAINT "tip_events_tip_id_tips_id_fk" FOREIGN KEY ("tip_id") REFERENCES "public"."tips"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tip_reveal_requests" ADD CONSTRAINT "tip_reveal_requests_tip_id_tips_id_fk" FOREIGN KEY ("tip_id") REFERENCES "public"."tips"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tips" ADD CONSTRAINT "tips_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tips" ADD CONSTRAINT "tips_reward_notice_id_reward_notices_id_fk" FOREIGN KEY ("reward_notice_id") REFERENCES "public"."reward_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tip_notifications_due_idx" ON "tip_notifications" USING btree ("next_attempt_at") WHERE "tip_notifications"."delivered_at" is null and "tip_notifications"."dead_at" is null;--> statement-breakpoint
CREATE INDEX "reward_notices_listing_idx" ON "reward_notices" USING btree ("listing_id");--> statement-breakpoint
CREATE INDEX "reward_notices_status_idx" ON "reward_notices" USING btree ("status","ends_on");--> statement-breakpoint
CREATE INDEX "tip_attachments_tip_idx" ON "tip_attachments" USING btree ("tip_id");--> statement-breakpoint
CREATE INDEX "tip_events_tip_idx" ON "tip_events" USING btree ("tip_id","at");--> statement-breakpoint
CREATE INDEX "tip_reveal_requests_tip_idx" ON "tip_reveal_requests" USING btree ("tip_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tips_receipt_uq" ON "tips" USING btree ("receipt_hash");--> statement-breakpoint
CREATE INDEX "tips_listing_idx" ON "tips" USING btree ("listing_id","created_at");--> statement-breakpoint
CREATE INDEX "tips_status_idx" ON "tips" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "tips_registration_uq" ON "tips" USING btree ("reward_notice_id","registration_no");