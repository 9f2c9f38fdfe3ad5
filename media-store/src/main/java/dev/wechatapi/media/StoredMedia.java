package dev.wechatapi.media;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the store knows about one stored file: its owner app, declared type and name, and the size and SHA-256 it
 * measured while writing.
 *
 * <p>Usage: {@code response.header("Content-Length", Long.toString(media.size()))}.
 *
 * @param mediaId the store's id, unguessable and URL-safe
 * @param appId the owning app (tenant), 32 lowercase hex characters
 * @param contentType the content type given to {@code put}, {@code application/octet-stream} when none was
 * @param fileName the original file name, metadata only (never part of a path); {@code null} when none was given
 * @param size the content length in bytes
 * @param sha256 the lowercase hex SHA-256 of the content
 * @param storedAt when the file became visible
 */
public record StoredMedia(
    String mediaId,
    String appId,
    String contentType,
    @Nullable String fileName,
    long size,
    String sha256,
    Instant storedAt) {}
