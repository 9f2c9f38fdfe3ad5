-- Deep pages of /messages on large archives (see archive-service/README.md, "Performance").
-- 1. Every listing index ends with the complete order (create_time, msg_id, direction), so a page is read from
--    the index alone, in order, and only its own rows are fetched (MessageStore's deferred join).
ALTER TABLE messages
    DROP KEY ix_messages_created, ADD KEY ix_messages_created (app_id, create_time, msg_id, direction),
    DROP KEY ix_messages_type, ADD KEY ix_messages_type (app_id, type, create_time, msg_id, direction),
    DROP KEY ix_messages_sender, ADD KEY ix_messages_sender (app_id, sender_puid, create_time, msg_id, direction),
    DROP KEY ix_messages_receiver, ADD KEY ix_messages_receiver (app_id, receiver_puid, create_time, msg_id, direction),
    DROP KEY ix_messages_at, ADD KEY ix_messages_at (app_id, is_at, create_time, msg_id, direction);

-- 2. The count of a page answer without a scan: messages per app and type, kept by triggers, which fire only for
--    rows really inserted (a replayed message hits the primary key: no AFTER INSERT) or deleted.
CREATE TABLE message_counts (
    app_id VARCHAR(64) NOT NULL,
    type   VARCHAR(16) NOT NULL,
    n      BIGINT      NOT NULL,
    PRIMARY KEY (app_id, type)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT INTO message_counts (app_id, type, n) SELECT app_id, type, COUNT(*) FROM messages GROUP BY app_id, type;

CREATE TRIGGER messages_counted AFTER INSERT ON messages FOR EACH ROW
    INSERT INTO message_counts (app_id, type, n) VALUES (NEW.app_id, NEW.type, 1) ON DUPLICATE KEY UPDATE n = n + 1;

CREATE TRIGGER messages_uncounted AFTER DELETE ON messages FOR EACH ROW
    UPDATE message_counts SET n = n - 1 WHERE app_id = OLD.app_id AND type = OLD.type;
