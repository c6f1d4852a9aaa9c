-- 停诊: why a session was stopped and when; its appointments become CANCELLED_BY_HOSPITAL, which
-- never counts against the patient.
ALTER TABLE clinic_session ADD COLUMN stop_reason VARCHAR(255);
ALTER TABLE clinic_session ADD COLUMN stopped_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE appointment ALTER COLUMN status SET DATA TYPE VARCHAR(32);
