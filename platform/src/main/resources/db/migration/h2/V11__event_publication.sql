-- The outbox: Spring Modulith's event publication registry (schema v2 of spring-modulith-events-jdbc 2.0).
-- A row is written in the same transaction as the state change that published the event, one per
-- listener (the RabbitMQ externaliser counts as one); it stays there until the listener succeeded.
-- Created here rather than by Modulith's schema initialisation, so the schema is versioned with the
-- rest and PostgreSQL and H2 get it in the same order. IF NOT EXISTS: data directories created before
-- this migration already have the tables from that initialisation (same columns).
-- serialized_event has no length limit (H2's maximum) so a large event cannot fail its transaction.
CREATE TABLE IF NOT EXISTS event_publication
(
  id                     UUID NOT NULL,
  completion_date        TIMESTAMP(9) WITH TIME ZONE,
  event_type             VARCHAR(512) NOT NULL,
  listener_id            VARCHAR(512) NOT NULL,
  publication_date       TIMESTAMP(9) WITH TIME ZONE NOT NULL,
  serialized_event       VARCHAR NOT NULL,
  status                 VARCHAR(20),
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP(9) WITH TIME ZONE,
  PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS event_publication_by_listener_id_and_serialized_event_idx ON event_publication (listener_id, serialized_event);
CREATE INDEX IF NOT EXISTS event_publication_by_completion_date_idx ON event_publication (completion_date);

-- completed publications are moved here (spring.modulith.events.completion-mode=archive)
CREATE TABLE IF NOT EXISTS event_publication_archive
(
  id                     UUID NOT NULL,
  completion_date        TIMESTAMP(9) WITH TIME ZONE,
  event_type             VARCHAR(512) NOT NULL,
  listener_id            VARCHAR(512) NOT NULL,
  publication_date       TIMESTAMP(9) WITH TIME ZONE NOT NULL,
  serialized_event       VARCHAR NOT NULL,
  status                 VARCHAR(20),
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP(9) WITH TIME ZONE,
  PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS event_publication_archive_by_listener_id_and_serialized_event_idx ON event_publication_archive (listener_id, serialized_event);
CREATE INDEX IF NOT EXISTS event_publication_archive_by_completion_date_idx ON event_publication_archive (completion_date);
