CREATE TABLE "tip_photo_uploads" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"path" text NOT NULL,
	"content_type" text NOT NULL,
	"bytes" integer NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"sha256" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "tip_photo_uploads_expires_idx" ON "tip_photo_uploads" USING btree ("expires_at");
--> statement-breakpoint
CREATE TABLE "wechat_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"openid_sealed" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "wechat_sessions_expires_idx" ON "wechat_sessions" USING btree ("expires_at");
--> statement-breakpoint
CREATE TABLE "tip_wechat_links" (
	"tip_id" text PRIMARY KEY NOT NULL,
	"openid_sealed" text NOT NULL,
	"subscribed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tip_wechat_links" ADD CONSTRAINT "tip_wechat_links_tip_id_tips_id_fk" FOREIGN KEY ("tip_id") REFERENCES "public"."tips"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE TABLE "wechat_messages" (
	"id" text PRIMARY KEY NOT NULL,
	"tip_id" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"dead_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "wechat_messages" ADD CONSTRAINT "wechat_messages_tip_id_tips_id_fk" FOREIGN KEY ("tip_id") REFERENCES "public"."tips"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "wechat_messages_due_idx" ON "wechat_messages" USING btree ("next_attempt_at") WHERE "wechat_messages"."delivered_at" is null and "wechat_messages"."dead_at" is null;
