-- Run once, by the mariadb image, when its data volume is empty (docker-compose.yml). The image has already created
-- wechat_gateway and the user 'wechat' (MARIADB_DATABASE, MARIADB_USER); the archive gets its database beside it.
-- Both services run their Flyway migrations at start-up as this user (tables, indexes, triggers).
CREATE DATABASE IF NOT EXISTS wechat_archive CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
GRANT ALL PRIVILEGES ON wechat_archive.* TO 'wechat'@'%';
