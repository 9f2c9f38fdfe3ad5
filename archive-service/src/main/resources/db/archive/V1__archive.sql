-- The archive of every app's contacts, messages and session state. Every row is scoped by app_id.
-- Text columns use utf8mb4_bin: emoji must round-trip, and exact-match filters must not fold distinct
-- characters together (the *_ci collations weigh many emoji and supplementary characters as equal).
-- Times are stored in UTC; the read endpoints convert to the configured zone.

CREATE TABLE contacts (
    app_id          VARCHAR(64)  NOT NULL,
    puid            VARCHAR(64)  NOT NULL,
    kind            VARCHAR(8)   NOT NULL COMMENT 'FRIEND, GROUP or MP (events ContactKind)',
    is_self         BOOLEAN      NOT NULL DEFAULT FALSE COMMENT 'the logged-in account itself',
    user_name       VARCHAR(255) NULL COMMENT 'WeChat per-login id; changes at every login',
    nick_name       VARCHAR(255) NULL,
    remark_name     VARCHAR(255) NULL,
    display_name    VARCHAR(255) NULL,
    name            VARCHAR(255) NULL COMMENT 'remark name, else nick name',
    signature       VARCHAR(1024) NULL,
    sex             TINYINT      NOT NULL DEFAULT 0 COMMENT '0 unknown, 1 male, 2 female',
    province        VARCHAR(64)  NULL,
    city            VARCHAR(64)  NULL,
    avatar_media_id VARCHAR(255) NULL,
    snapshot_at     DATETIME(6)  NOT NULL COMMENT 'takenAt of the snapshot that last wrote the row',
    PRIMARY KEY (app_id, puid),
    KEY ix_contacts_kind_puid (app_id, kind, puid),
    KEY ix_contacts_nick_name (app_id, kind, nick_name),
    KEY ix_contacts_remark_name (app_id, kind, remark_name),
    KEY ix_contacts_user_name (app_id, kind, user_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE group_members (
    app_id          VARCHAR(64)  NOT NULL,
    group_puid      VARCHAR(64)  NOT NULL,
    member_puid     VARCHAR(64)  NOT NULL,
    user_name       VARCHAR(255) NULL,
    nick_name       VARCHAR(255) NULL,
    remark_name     VARCHAR(255) NULL,
    display_name    VARCHAR(255) NULL COMMENT 'the member''s name inside the group',
    name            VARCHAR(255) NULL,
    signature       VARCHAR(1024) NULL,
    sex             TINYINT      NOT NULL DEFAULT 0,
    province        VARCHAR(64)  NULL,
    city            VARCHAR(64)  NULL,
    avatar_media_id VARCHAR(255) NULL,
    PRIMARY KEY (app_id, group_puid, member_puid),
    KEY ix_group_members_member (app_id, member_puid)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per app: the newest snapshot applied, so a replayed older snapshot cannot roll the contacts back.
CREATE TABLE contact_snapshots (
    app_id        VARCHAR(64) NOT NULL PRIMARY KEY,
    taken_at      DATETIME(6) NOT NULL,
    self_puid     VARCHAR(64) NULL,
    contact_count INT         NOT NULL,
    applied_at    DATETIME(6) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE messages (
    app_id          VARCHAR(64)  NOT NULL,
    msg_id          BIGINT       NOT NULL COMMENT 'WeChat''s id of the message',
    direction       VARCHAR(8)   NOT NULL COMMENT 'RECEIVED or SENT',
    type            VARCHAR(16)  NOT NULL COMMENT 'events MessageType name, e.g. Text',
    raw_msg_type    INT          NOT NULL COMMENT 'WeChat MsgType code',
    sender_puid     VARCHAR(64)  NULL,
    sender_kind     VARCHAR(8)   NULL,
    sender_name     VARCHAR(255) NULL,
    receiver_puid   VARCHAR(64)  NULL,
    receiver_kind   VARCHAR(8)   NULL,
    receiver_name   VARCHAR(255) NULL,
    member_puid     VARCHAR(64)  NULL COMMENT 'group member who wrote a received group message',
    member_name     VARCHAR(255) NULL,
    is_at           BOOLEAN      NOT NULL DEFAULT FALSE,
    text            MEDIUMTEXT   NULL,
    url             TEXT         NULL,
    map_x           DOUBLE       NULL,
    map_y           DOUBLE       NULL,
    map_scale       INT          NULL,
    map_label       TEXT         NULL,
    map_type        VARCHAR(64)  NULL,
    poi_name        TEXT         NULL,
    poi_id          VARCHAR(255) NULL,
    media_id        VARCHAR(255) NULL COMMENT 'media store id of a picture, recording, attachment or video',
    img_height      INT          NULL,
    img_width       INT          NULL,
    voice_length    INT          NULL,
    file_size       BIGINT       NULL,
    file_name       TEXT         NULL,
    play_length     INT          NULL,
    card_user_name  VARCHAR(255) NULL,
    card_nick_name  VARCHAR(255) NULL,
    card_alias      VARCHAR(255) NULL,
    card_province   VARCHAR(64)  NULL,
    card_city       VARCHAR(64)  NULL,
    card_signature  VARCHAR(1024) NULL,
    card_sex        TINYINT      NULL,
    card_avatar     VARCHAR(255) NULL COMMENT 'media store id of the recommended person''s avatar',
    create_time     DATETIME(3)  NOT NULL,
    receive_time    DATETIME(3)  NOT NULL,
    archived_at     DATETIME(3)  NOT NULL,
    PRIMARY KEY (app_id, msg_id, direction),
    -- Every filter is combined with app_id and the listing is ordered by create_time, msg_id.
    KEY ix_messages_created (app_id, create_time, msg_id),
    KEY ix_messages_received (app_id, receive_time),
    KEY ix_messages_type (app_id, type, create_time, msg_id),
    KEY ix_messages_sender (app_id, sender_puid, create_time, msg_id),
    KEY ix_messages_receiver (app_id, receiver_puid, create_time, msg_id),
    KEY ix_messages_at (app_id, is_at, create_time, msg_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The latest session state of each app.
CREATE TABLE sessions (
    app_id       VARCHAR(64)  NOT NULL PRIMARY KEY,
    state        VARCHAR(32)  NOT NULL,
    account_puid VARCHAR(64)  NULL,
    account_name VARCHAR(255) NULL,
    reason       TEXT         NULL,
    changed_at   DATETIME(6)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
