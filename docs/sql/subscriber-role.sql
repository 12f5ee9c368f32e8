-- Least-privilege role for services that consume Tracker's integration events from the PostgreSQL transport queue.
-- See docs/operations.md ("A database role for subscribers"). Run once per database, as the owner of Tracker's schema,
-- after `db-apply` and `resources setup` have created the queue tables; re-running it is harmless.
--
-- What a queue consumer needs, and nothing more:
--   * USAGE on the transport schema `wolverine_queues`;
--   * SELECT and DELETE on the queue it consumes (`wolverine_queue_tracker_events`: a consumer takes a message by
--     deleting it) and on its scheduled-messages table (messages scheduled for later are moved from there when due).
-- Nothing in the `tracker` schema: no events, no documents (API key hashes, webhook secrets), no Wolverine envelopes,
-- and not Tracker's own command queue (`wolverine_queue_tracker_commands`), which sits in the same schema.
-- A subscriber reads everything else over HTTP (GET /api/events, /api/events/stream), with a reader key.
--
-- The role cannot log in. Grant it to each subscriber's login role, and give that login a schema of its own for its
-- Wolverine inbox (the `my_app` in docs/integrations.md):
--   create role my_app login password '…' in role tracker_subscriber;
--   create schema my_app authorization my_app;
-- If Tracker:Integrations:TransportQueue is not `tracker_events`, change `queue` below.

do $$
declare
    queue constant text := 'tracker_events';
    t record;
begin
    if not exists (select 1 from pg_roles where rolname = 'tracker_subscriber') then
        create role tracker_subscriber nologin;
    end if;
    grant usage on schema wolverine_queues to tracker_subscriber;
    for t in select tablename from pg_tables
             where schemaname = 'wolverine_queues'
               and tablename in ('wolverine_queue_' || queue, 'wolverine_queue_' || queue || '_scheduled')
    loop
        execute format('grant select, delete on wolverine_queues.%I to tracker_subscriber', t.tablename);
    end loop;
    if not found then
        raise exception 'No table wolverine_queues.wolverine_queue_% yet: set Tracker:Integrations:TransportQueue and run `resources setup` first.', queue;
    end if;
end
$$;
