ALTER TABLE "correction_requests" ADD COLUMN "fixed_on" date;
