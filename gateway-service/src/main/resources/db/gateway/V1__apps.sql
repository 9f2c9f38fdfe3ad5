-- Apps (tenants). app_name compares byte for byte: a case- or accent-insensitive collation would also make
-- distinct emoji equal, and names with emoji must stay distinct.
CREATE TABLE apps (
  app_id          CHAR(32)     NOT NULL,
  app_name        VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  app_secret_salt CHAR(32)     NOT NULL,
  app_secret_hash CHAR(64)     NOT NULL,
  token           VARCHAR(100) NOT NULL,
  created_at      TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (app_id),
  CONSTRAINT uk_apps_app_name UNIQUE (app_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
