package dev.wechatapi.archive.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.wechatapi.archive.web.LocalTimes;
import org.jspecify.annotations.Nullable;

/**
 * An app's webhook as {@code /webhook} shows it; the secret only in the answer to a PUT.
 *
 * @param secret the HMAC key of {@code X-Wechat-Signature} (64 hex characters)
 */
record WebhookView(
        String url,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String secret,
        @Nullable String created,
        @Nullable String updated) {

    static WebhookView of(Webhook webhook, LocalTimes times) {
        return new WebhookView(webhook.url(), null, times.render(webhook.created()), times.render(webhook.updated()));
    }

    static WebhookView withSecret(Webhook webhook, LocalTimes times) {
        return new WebhookView(webhook.url(), webhook.secret(), times.render(webhook.created()),
                times.render(webhook.updated()));
    }
}
