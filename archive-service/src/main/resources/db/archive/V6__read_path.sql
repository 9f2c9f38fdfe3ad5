-- The read path through the gateway (see archive-service/README.md, "Performance").
-- 1. Every filter of /friends, /groups and /mps has an index (app_id, kind, <field>). InnoDB appends the primary key
--    (app_id, puid) to it, so an equality filter finds its rows in the default puid order and counts them from the
--    index alone. signature is too long for a whole key: a prefix finds the candidates, the row decides.
--    group_members gets none: a filter there reads one group's rows by the primary key, at most the group's size,
--    and more indexes would slow the snapshot writes of every member of every group.
ALTER TABLE contacts
    ADD KEY ix_contacts_name (app_id, kind, name),
    ADD KEY ix_contacts_sex (app_id, kind, sex),
    ADD KEY ix_contacts_province (app_id, kind, province),
    ADD KEY ix_contacts_city (app_id, kind, city),
    ADD KEY ix_contacts_signature (app_id, kind, signature(255));

-- 2. The keys of the read cache (store/ReadCache.java): a version of each app's contacts, bumped by every snapshot
--    applied (the only writer of contacts and group_members, in the same transaction), and a counter of the changes
--    to each app's messages per type, bumped by the triggers for every row really inserted or deleted.
ALTER TABLE contact_snapshots
    ADD COLUMN version BIGINT NOT NULL DEFAULT 1 COMMENT 'bumped by every snapshot applied';

ALTER TABLE message_counts
    ADD COLUMN changes BIGINT NOT NULL DEFAULT 0 COMMENT 'rows inserted or deleted since this migration; never decreases';

-- OR REPLACE swaps each trigger at once, so no row written meanwhile by a running replica goes uncounted.
CREATE OR REPLACE TRIGGER messages_counted AFTER INSERT ON messages FOR EACH ROW
    INSERT INTO message_counts (app_id, type, n, changes) VALUES (NEW.app_id, NEW.type, 1, 1)
        ON DUPLICATE KEY UPDATE n = n + 1, changes = changes + 1;

CREATE OR REPLACE TRIGGER messages_uncounted AFTER DELETE ON messages FOR EACH ROW
    UPDATE message_counts SET n = n - 1, changes = changes + 1 WHERE app_id = OLD.app_id AND type = OLD.type;
