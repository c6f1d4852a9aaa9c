-- The audit trail is append-only: refuse UPDATE and DELETE at the database (H2 Java trigger).
CREATE TRIGGER audit_event_no_change BEFORE UPDATE, DELETE ON audit_event
    FOR EACH ROW CALL 'org.openhqd.platform.audit.AppendOnlyTrigger';
