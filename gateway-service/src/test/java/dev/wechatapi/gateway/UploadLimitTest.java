package dev.wechatapi.gateway;

import static dev.wechatapi.gateway.GatewayTestEnvironment.SESSION_SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;

/** GatewayTest sets {@code wechat.gateway.max-upload-size=256KB}. */
class UploadLimitTest extends GatewayTest {

  private static final String TOO_LARGE_CODE = "payload_too_large";

  @Test
  void uploadWithinTheLimitReachesTheSessionService() throws Exception {
    String token = accessTokenFor(newApp());
    SESSION_SERVICE.enqueue(json(201, "{\"id\":1}"));

    client.post().uri("/send-message")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .body(BodyInserters.fromMultipartData(multipart(200 * 1024).build()))
        .exchange()
        .expectStatus().isCreated();

    RecordedRequest forwarded = SESSION_SERVICE.takeRequest(5, TimeUnit.SECONDS);
    assertThat(forwarded.getBodySize()).isGreaterThan(200 * 1024);
  }

  @Test
  void declaredUploadOverTheLimitIsRefusedBeforeTheServiceIsCalled() throws Exception {
    String token = accessTokenFor(newApp());

    // A byte array body, so the request declares its Content-Length (a multipart writer would stream it chunked).
    client.post().uri("/send-message")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .contentType(MediaType.parseMediaType("multipart/form-data; boundary=b0undary"))
        .bodyValue(rawMultipart(300 * 1024))
        .exchange()
        .expectStatus().isEqualTo(413)
        .expectBody().jsonPath("$.code").isEqualTo(TOO_LARGE_CODE).jsonPath("$.errmsg").isNotEmpty();

    assertThat(SESSION_SERVICE.takeRequest(300, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void chunkedUploadOverTheLimitIsRefused() {
    String token = accessTokenFor(newApp());
    DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
    Flux<DataBuffer> chunks = Flux.range(0, 40).map(i -> buffers.wrap(new byte[16 * 1024]));

    client.post().uri("/send-message")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .body(chunks, DataBuffer.class)
        .exchange()
        .expectStatus().isEqualTo(413)
        .expectBody().jsonPath("$.code").isEqualTo(TOO_LARGE_CODE);
  }

  private static byte[] rawMultipart(int fileSize) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--b0undary\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nimage\r\n"
        + "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
        + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(new byte[fileSize]);
    body.writeBytes("\r\n--b0undary--\r\n".getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  private static MultipartBodyBuilder multipart(int fileSize) {
    MultipartBodyBuilder body = new MultipartBodyBuilder();
    body.part("type", "image");
    body.part("puid", "friend-1");
    body.part("file", new ByteArrayResource(new byte[fileSize]) {
      @Override
      public String getFilename() {
        return "照片.png";
      }
    }).contentType(MediaType.IMAGE_PNG);
    return body;
  }
}
