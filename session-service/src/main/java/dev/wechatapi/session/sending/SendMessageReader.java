package dev.wechatapi.session.sending;

import dev.wechatapi.session.web.ApiException;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a {@code /send-message} request from any of the bodies the original accepted: JSON, a URL-encoded form,
 * or a multipart form (where {@code file} is a file part).
 */
@Component
class SendMessageReader {

    // A text message is at most a few KB; anything far beyond is not a message.
    private static final int MAX_JSON_BYTES = 256 * 1024;

    private final JsonMapper json;

    SendMessageReader(JsonMapper json) {
        this.json = json;
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
                    .defaultIfEmpty(new SendMessageRequest(null, null, null, false));
        }
        if (MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(contentType)) {
            return exchange.getFormData().map(SendMessageReader::fromForm);
        }
        if (MediaType.MULTIPART_FORM_DATA.isCompatibleWith(contentType)) {
            return exchange.getMultipartData().map(SendMessageReader::fromMultipart);
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
            return new SendMessageRequest(null, null, null, false);
        }
        if (!node.isObject()) {
            throw ApiException.badRequest("bad_request", "请求体须为JSON对象");
        }
        String file = scalar(node.get("file"));
        return new SendMessageRequest(scalar(node.get("type")), scalar(node.get("puid")), scalar(node.get("text")),
                file != null && !file.isEmpty());
    }

    private static String scalar(JsonNode value) {
        return value != null && value.isValueNode() && !value.isNull() ? value.asString() : null;
    }

    private static SendMessageRequest fromForm(MultiValueMap<String, String> form) {
        String file = form.getFirst("file");
        return new SendMessageRequest(form.getFirst("type"), form.getFirst("puid"), form.getFirst("text"),
                file != null && !file.isEmpty());
    }

    private static SendMessageRequest fromMultipart(MultiValueMap<String, Part> parts) {
        return new SendMessageRequest(field(parts, "type"), field(parts, "puid"), field(parts, "text"),
                parts.getFirst("file") != null);
    }

    private static String field(Map<String, List<Part>> parts, String name) {
        List<Part> values = parts.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        return values.getFirst() instanceof FormFieldPart field ? field.value() : null;
    }
}
