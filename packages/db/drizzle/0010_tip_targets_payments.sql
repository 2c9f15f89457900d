CREATE TABLE "unit_notify_targets" (
	"unit_id" text NOT NULL,
	"channel" text NOT NULL,
	"url_sealed" text NOT NULL,
	"url_hash" text NOT NULL,
	"secrets_sealed" text,
	"url_hint" text NOT NULL,
	"updated_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unit_notify_targets_unit_id_channel_pk" PRIMARY KEY("unit_id","channel"),
	CONSTRAINT "unit_notify_targets_channel_ck" CHECK ("unit_notify_targets"."channel" in ('webhook', 'wecom'))
);
--> statement-breakpoint
CREATE TABLE "notify_disabled_targets" (
	"url_hash" text PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"unit_id" text,
	"reason" text NOT NULL,
	"disabled_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reward_payments" (
	"id" text PRIMARY KEY NOT NULL,
	"reward_notice_id" text NOT NULL,
	"tip_id" text NOT NULL,
	"registration_no" integer NOT NULL,
	"recovered_fen" bigint NOT NULL,
	"amount_fen" bigint NOT NULL,
	"paid_on" date NOT NULL,
	"note" text,
	"paid_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tip_notifications" ADD COLUMN "dedupe_key" text;--> statement-breakpoint
ALTER TABLE "unit_notify_targets" ADD CONSTRAINT "unit_notify_targets_unit_id_execution_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."execution_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reward_payments" ADD CONSTRAINT "reward_payments_reward_notice_id_reward_notices_id_fk" FOREIGN KEY ("reward_notice_id") REFERENCES "public"."reward_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reward_payments" ADD CONSTRAINT "reward_payments_tip_id_tips_id_fk" FOREIGN KEY ("tip_id") REFERENCES "public"."tips"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reward_payments_tip_uq" ON "reward_payments" USING btree ("tip_id");--> statement-breakpoint
CREATE INDEX "reward_payments_notice_idx" ON "reward_payments" USING btree ("reward_notice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tip_notifications_dedupe_uq" ON "tip_notifications" USING btree ("dedupe_key");
