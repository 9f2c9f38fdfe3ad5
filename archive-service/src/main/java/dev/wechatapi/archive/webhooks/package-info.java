/**
 * Webhooks: each app may set one URL ({@code /webhook}) to which every message it receives or sends is POSTed in
 * the {@code /messages} item shape, signed with the app's secret. Deliveries are rows inserted at ingest, attempted
 * by a worker that claims them per app (one slow endpoint never holds the others back), retried with exponential
 * backoff and parked after the last attempt, and listed in {@code /webhook/deliveries}.
 */
@NullMarked
package dev.wechatapi.archive.webhooks;

import org.jspecify.annotations.NullMarked;
