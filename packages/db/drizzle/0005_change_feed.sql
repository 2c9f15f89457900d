-- Change feed: every listing change is announced to every server process. The outbox row is the
-- durable record (its id is the read-model position a process catches up from); the NOTIFY, sent
-- at commit, only makes followers look at once instead of at their next poll. Idempotent: safe to
-- run again on a database that has it.
CREATE OR REPLACE FUNCTION "outbox_notify_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('portal_read_model', NEW.id::text);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "outbox_change_feed" ON "outbox";
--> statement-breakpoint
CREATE TRIGGER "outbox_change_feed" AFTER INSERT ON "outbox"
  FOR EACH ROW WHEN (NEW.topic = 'listing.changed') EXECUTE FUNCTION "outbox_notify_change"();
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "outbox_topic_id_idx" ON "outbox" ("topic", "id");
