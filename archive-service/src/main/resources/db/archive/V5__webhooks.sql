-- Webhook forwarding (see archive-service/README.md, "Webhooks"): one URL per app, and one delivery per
-- (app, message event), inserted at ingest beside the message, so a replayed event finds its delivery already there.

CREATE TABLE webhooks (
    app_id  VARCHAR(64)   NOT NULL PRIMARY KEY,
    url     VARCHAR(2000) NOT NULL,
    secret  VARCHAR(64)   NOT NULL COMMENT 'HMAC-SHA256 key of the signature header, 64 hex characters',
    created DATETIME(3)   NOT NULL,
    updated DATETIME(3)   NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE webhook_deliveries (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    app_id           VARCHAR(64)   NOT NULL,
    msg_id           BIGINT        NOT NULL,
    direction        VARCHAR(8)    NOT NULL COMMENT 'RECEIVED or SENT, as in messages',
    event_type       VARCHAR(64)   NOT NULL COMMENT 'CloudEvents type of the message event',
    status           VARCHAR(10)   NOT NULL COMMENT 'retrying (due at next_attempt_at), delivered or parked',
    attempts         INT           NOT NULL DEFAULT 0,
    next_attempt_at  DATETIME(3)   NULL COMMENT 'when a retrying delivery is due; a claim moves it to the end of its lease',
    claimed_by       CHAR(36)      NULL COMMENT 'the claim of the worker attempting it, if any',
    last_status_code INT           NULL,
    last_error       VARCHAR(1000) NULL,
    created          DATETIME(3)   NOT NULL,
    delivered_at     DATETIME(3)   NULL,
    UNIQUE KEY ux_webhook_deliveries_message (app_id, msg_id, direction),
    -- Apps with due deliveries (GROUP BY app_id over the retrying ones), then each app's due rows in order.
    KEY ix_webhook_deliveries_due (status, app_id, next_attempt_at),
    KEY ix_webhook_deliveries_claim (claimed_by),
    -- The delivery log, newest first, with and without a status filter.
    KEY ix_webhook_deliveries_log (app_id, id),
    KEY ix_webhook_deliveries_status_log (app_id, status, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
