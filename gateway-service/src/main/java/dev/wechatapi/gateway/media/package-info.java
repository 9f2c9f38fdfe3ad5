/**
 * {@code GET /media/{id}}: the media of archived messages, served by the gateway from the media store to the owning
 * app, by credential or by signed link, with ranges.
 */
@NullMarked
package dev.wechatapi.gateway.media;

import org.jspecify.annotations.NullMarked;
