package dev.wechatapi.archive.webhooks;

import dev.wechatapi.archive.web.ApiException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of {@code PUT /webhook}, {@code {"url": "https://...", "rotate_secret": true}}, read and checked: the URL
 * must be an absolute http or https URL of at most 2000 characters. Whether its host is allowed is the
 * {@link AddressGuard}'s to say.
 */
record WebhookSettings(URI url, boolean rotateSecret) {

    static final int MAX_URL_LENGTH = 2000;

    private static final Set<String> SCHEMES = Set.of("http", "https");

    static WebhookSettings read(byte[] body, JsonMapper json) {
        @Nullable Map<?, ?> fields;
        try {
            fields = json.readValue(body, Map.class);
        } catch (JacksonException e) {
            fields = null;
        }
        if (fields == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_body",
                    "body: must be a JSON object such as {\"url\": \"https://example.com/hook\"}");
        }
        return new WebhookSettings(url(fields.get("url")), rotateSecret(fields.get("rotate_secret")));
    }

    private static URI url(@Nullable Object value) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw ApiException.invalidParameter("url", "is required");
        }
        if (!(value instanceof String text)) {
            throw ApiException.invalidParameter("url", "must be a string");
        }
        if (text.length() > MAX_URL_LENGTH) {
            throw ApiException.invalidParameter("url", "must be at most " + MAX_URL_LENGTH + " characters");
        }
        try {
            URI url = new URI(text);
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (SCHEMES.contains(scheme) && url.getHost() != null && !url.getHost().isEmpty()) {
                return url;
            }
        } catch (URISyntaxException e) {
            // Answered below like any other URL that is not an absolute http(s) one.
        }
        throw ApiException.invalidParameter("url", "must be an absolute http or https URL");
    }

    private static boolean rotateSecret(@Nullable Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean rotate) {
            return rotate;
        }
        throw ApiException.invalidParameter("rotate_secret", "must be true or false");
    }
}
