package dev.wechatapi.session.sending;

import dev.wechatapi.session.web.ApiException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a {@code /send-message} request from any of the bodies the original accepted: JSON, a URL-encoded form,
 * or a multipart form (where {@code file} is a file part, see {@link MultipartSendReader}).
 */
@Component
class SendMessageReader {

    // A text message is at most a few KB; anything far beyond is not a message.
    private static final int MAX_JSON_BYTES = 256 * 1024;

    private final JsonMapper json;
    private final MultipartSendReader multipart;

    SendMessageReader(JsonMapper json, MultipartSendReader multipart) {
        this.json = json;
        this.multipart = multipart;
    }

    Mono<SendMessageRequest> read(ServerWebExchange exchange) {
        MediaType contentType = exchange.getRequest().getHeaders().getContentType();
        if (contentType == null || MediaType.APPLICATION_JSON.isCompatibleWith(contentType)) {
            return DataBufferUtils.join(exchange.getRequest().getBody(), MAX_JSON_BYTES)
                    .map(buffer -> {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        DataBufferUtils.release(buffer);
                        return bytes;
                    })
                    .map(this::fromJson)
                    .defaultIfEmpty(new SendMessageRequest(null, null, null, null));
        }
        if (MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(contentType)) {
            return exchange.getFormData().map(SendMessageReader::fromForm);
        }
        if (MediaType.MULTIPART_FORM_DATA.isCompatibleWith(contentType)) {
            return multipart.read(exchange.getRequest());
        }
        return Mono.error(new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                "请求体须为JSON或表单"));
    }

    private SendMessageRequest fromJson(byte[] body) {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JacksonException e) {
            throw ApiException.badRequest("bad_request", "请求体不是有效的JSON");
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            return new SendMessageRequest(null, null, null, null);
        }
        if (!node.isObject()) {
            throw ApiException.badRequest("bad_request", "请求体须为JSON对象");
        }
        // A "file" in JSON is only a string, never the file itself: it counts as no file.
        return new SendMessageRequest(scalar(node.get("type")), scalar(node.get("puid")), scalar(node.get("text")),
                null);
    }

    private static String scalar(JsonNode value) {
        return value != null && value.isValueNode() && !value.isNull() ? value.asString() : null;
    }

    private static SendMessageRequest fromForm(MultiValueMap<String, String> form) {
        // A URL-encoded form cannot carry a file; only multipart can.
        return new SendMessageRequest(form.getFirst("type"), form.getFirst("puid"), form.getFirst("text"), null);
    }
}
