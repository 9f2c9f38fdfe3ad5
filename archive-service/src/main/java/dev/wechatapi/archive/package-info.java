/** The archive service: ingest of the event stream and the read endpoints over it. */
@NullMarked
package dev.wechatapi.archive;

import org.jspecify.annotations.NullMarked;
