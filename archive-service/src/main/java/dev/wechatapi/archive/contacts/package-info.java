/**
 * Contacts: applying contact snapshots from the event stream; {@code /friends}, {@code /groups},
 * {@code /members/{group_puid}} and {@code /mps}.
 */
@NullMarked
package dev.wechatapi.archive.contacts;

import org.jspecify.annotations.NullMarked;
