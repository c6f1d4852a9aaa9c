-- The visit after the booking: arrival (check-in), call into the room, seen; the times give the
-- waiting time after arrival that the national assessment asks for.
ALTER TABLE appointment ADD COLUMN arrived_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE appointment ADD COLUMN called_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE appointment ADD COLUMN seen_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE appointment ADD COLUMN no_show_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX appointment_status ON appointment (status, slot_id);
