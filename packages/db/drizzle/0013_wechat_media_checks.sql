ALTER TABLE "tip_attachments" ADD COLUMN "quarantined_at" timestamp with time zone;
--> statement-breakpoint
CREATE TABLE "wechat_media_checks" (
	"id" text PRIMARY KEY NOT NULL,
	"tip_id" text NOT NULL,
	"attachment_id" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"dead_at" timestamp with time zone,
	"last_error" text,
	"token_hash" text,
	"token_expires_at" timestamp with time zone,
	"trace_id" text,
	"verdict" text,
	"verdict_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "wechat_media_checks" ADD CONSTRAINT "wechat_media_checks_tip_id_tips_id_fk" FOREIGN KEY ("tip_id") REFERENCES "public"."tips"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "wechat_media_checks" ADD CONSTRAINT "wechat_media_checks_attachment_id_tip_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."tip_attachments"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "wechat_media_checks_due_idx" ON "wechat_media_checks" USING btree ("next_attempt_at") WHERE "wechat_media_checks"."submitted_at" is null and "wechat_media_checks"."dead_at" is null;
--> statement-breakpoint
CREATE UNIQUE INDEX "wechat_media_checks_token_idx" ON "wechat_media_checks" USING btree ("token_hash");
--> statement-breakpoint
CREATE UNIQUE INDEX "wechat_media_checks_trace_idx" ON "wechat_media_checks" USING btree ("trace_id");
