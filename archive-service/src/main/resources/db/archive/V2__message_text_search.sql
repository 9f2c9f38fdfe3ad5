-- /messages?search= over a bigram index (see messages/TextGrams.java): MariaDB's InnoDB FULLTEXT has no ngram
-- parser for Chinese, so the archive writes each message's lower-cased code point pairs as ASCII words into
-- text_grams, which an ordinary FULLTEXT index (the same on MariaDB and MySQL 8) indexes. Rows archived before
-- this migration are indexed by the Java migration V3 (messages/V3__IndexExistingMessageTexts.java).
ALTER TABLE messages
    ADD COLUMN text_grams LONGTEXT CHARACTER SET ascii COLLATE ascii_bin NULL
        COMMENT 'the text''s lower-cased code point pairs, 12 hex-like characters each, space-separated',
    ADD FULLTEXT KEY ft_messages_text_grams (text_grams);
