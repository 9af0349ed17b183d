-- The ledger's write cost (issue 7: a bulk import of 5,000 events a second on two cores).
--
-- trace_event.hash loses its UNIQUE index: nothing looks an event up by its hash, and two events cannot share one
-- (each hash covers the previous hash and the event's canonical form, which holds its unique id); the index was a
-- B-tree over random 64-character keys, the costliest of the table's indexes to keep, a cold page per insert once it
-- outgrew memory. Tamper evidence is the chain itself, recomputed by the verify endpoint, not an index.
--
-- The hex checks on hash and prev_hash say the same as before with plain string functions instead of a regular
-- expression per row: 64 characters, none outside 0-9a-f.
ALTER TABLE trace_event
    DROP CONSTRAINT trace_event_hash_key,
    DROP CONSTRAINT trace_event_hash_check,
    DROP CONSTRAINT trace_event_prev_hash_check,
    ADD CONSTRAINT trace_event_hash_check CHECK (length(hash) = 64 AND ltrim(hash, '0123456789abcdef') = ''),
    ADD CONSTRAINT trace_event_prev_hash_check
        CHECK (length(prev_hash) = 64 AND ltrim(prev_hash, '0123456789abcdef') = '');
