/**
 * Media of archived messages: a per-app {@link dev.wechatapi.media.MediaStore} (the filesystem by default), HTTP
 * byte ranges for 206 responses, and signed expiring links. Plain Java, no Spring; the internals live in
 * {@code dev.wechatapi.media.internal}.
 */
@NullMarked
package dev.wechatapi.media;

import org.jspecify.annotations.NullMarked;
