package dev.wechatapi.media.internal;

import dev.wechatapi.media.StoredMedia;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The metadata file next to each content file. App and media id are not repeated: they are the file's location,
 * so a sidecar copied into another app's folder cannot claim the original owner.
 */
public record Sidecar(
    int version,
    String contentType,
    @Nullable String fileName,
    long size,
    String sha256,
    String storedAt) {

  static final int VERSION = 1;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  public static Sidecar of(StoredMedia media) {
    return new Sidecar(VERSION, media.contentType(), media.fileName(), media.size(), media.sha256(),
        media.storedAt().toString());
  }

  public StoredMedia toStoredMedia(String appId, String mediaId) {
    return new StoredMedia(mediaId, appId, contentType, fileName, size, sha256, Instant.parse(storedAt));
  }

  public void writeTo(OutputStream out) throws IOException {
    out.write(JSON.writeValueAsBytes(this));
  }

  public static Sidecar readFrom(InputStream in) throws IOException {
    Sidecar sidecar;
    try {
      sidecar = JSON.readValue(in.readAllBytes(), Sidecar.class);
    } catch (JacksonException e) {
      throw new IOException("unreadable media sidecar", e);
    }
    if (sidecar.version() != VERSION) {
      throw new IOException("unsupported media sidecar version " + sidecar.version());
    }
    return sidecar;
  }
}
