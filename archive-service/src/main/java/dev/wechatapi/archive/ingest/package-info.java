/**
 * Ingest: the Kafka consumers that write the event stream into the archive. Writes are idempotent, offsets are
 * committed after the rows, and a record that cannot be read goes to the dead letter topic instead of blocking
 * its partition.
 */
@NullMarked
package dev.wechatapi.archive.ingest;

import org.jspecify.annotations.NullMarked;
