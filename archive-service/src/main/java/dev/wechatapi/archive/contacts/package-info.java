/** Contacts: applying contact snapshots from the event stream, and {@code GET /friends}. */
@NullMarked
package dev.wechatapi.archive.contacts;

import org.jspecify.annotations.NullMarked;
