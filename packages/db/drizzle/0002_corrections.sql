CREATE TABLE "correction_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"listing_id" text NOT NULL,
	"grounds" text NOT NULL,
	"explanation" text NOT NULL,
	"contact_sealed" text NOT NULL,
	"receipt_code" text NOT NULL,
	"idempotency_key_hash" text,
	"status" text DEFAULT 'received' NOT NULL,
	"received_on" date NOT NULL,
	"review_deadline" date NOT NULL,
	"decided_at" timestamp with time zone,
	"fix_deadline" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "correction_requests_grounds_ck" CHECK ("correction_requests"."grounds" in ('should_not_be_listed', 'inaccurate', 'should_be_deleted')),
	CONSTRAINT "correction_requests_status_ck" CHECK ("correction_requests"."status" in ('received', 'accepted', 'rejected'))
);
--> statement-breakpoint
ALTER TABLE "correction_requests" ADD CONSTRAINT "correction_requests_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "correction_requests_listing_idx" ON "correction_requests" USING btree ("listing_id");--> statement-breakpoint
CREATE INDEX "correction_requests_status_idx" ON "correction_requests" USING btree ("status","review_deadline");--> statement-breakpoint
CREATE UNIQUE INDEX "correction_requests_receipt_uq" ON "correction_requests" USING btree ("receipt_code");--> statement-breakpoint
CREATE UNIQUE INDEX "correction_requests_idem_uq" ON "correction_requests" USING btree ("idempotency_key_hash");